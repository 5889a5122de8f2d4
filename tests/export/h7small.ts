import { writeFileSync } from "node:fs";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { loadOutline } from "@rapporteur/outline";
import { renderComparison } from "@rapporteur/report";
import { mutateReport } from "./mutateReport";
import { sampleReport } from "./sampleReport";

const older = sampleReport({ words: 3000, footnotes: 24, tables: 3, seed: 7 });
const newer = mutateReport(older, { changes: 150, seed: 3 });
const docs = (r: typeof older) => Object.fromEntries(r.sections.map((s) => [s.id, s.doc]));
const file = await renderComparison({
  format: "docx",
  older: docs(older),
  newer: docs(newer),
  outline: loadOutline(),
  date: older.date,
  template: loadDocxTemplate(),
  attribution: ({ kind }) =>
    kind === "insertion"
      ? { author: "Ines Ortiz", date: "2025-03-02T09:00:00Z" }
      : { author: "Dev Rao", date: "2025-03-01T10:00:00Z" },
});
writeFileSync("/tmp/h7/s-compare.docx", file.bytes);
writeFileSync("/tmp/h7/s-newer.docx", await toDocx(newer, loadDocxTemplate()));
writeFileSync("/tmp/h7/s-older.docx", await toDocx(older, loadDocxTemplate()));
