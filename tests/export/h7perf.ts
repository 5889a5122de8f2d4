import { compareReports } from "@rapporteur/compare";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { mutateReport } from "./mutateReport";
import { sampleReport } from "./sampleReport";

const older = sampleReport();
const newer = mutateReport(older);
const docs = (r: typeof older) => Object.fromEntries(r.sections.map((s) => [s.id, s.doc]));
for (let k = 0; k < 3; k++) {
  const t0 = performance.now();
  const c = compareReports(docs(older), docs(newer), {
    attribution: { author: "A", date: "2025-01-01" },
  });
  const t1 = performance.now();
  await toDocx(
    { ...newer, sections: newer.sections.map((s) => ({ ...s, doc: c[s.id]! })) },
    loadDocxTemplate(),
  );
  const t2 = performance.now();
  await toDocx(newer, loadDocxTemplate());
  const t3 = performance.now();
  console.log(
    "compare",
    (t1 - t0).toFixed(0),
    "docx(compared)",
    (t2 - t1).toFixed(0),
    "docx(plain)",
    (t3 - t2).toFixed(0),
  );
}
