import { execFileSync } from "node:child_process";
import { pandocSummary } from "./exportSummary";

const read = (path: string, mode?: string) => {
  const out = execFileSync(
    "pandoc",
    ["-f", "docx", "-t", "json", ...(mode ? [`--track-changes=${mode}`] : []), path],
    { maxBuffer: 1 << 28 },
  );
  const s = pandocSummary(JSON.parse(out.toString()));
  s.tables = s.tables.map((t) => t.filter((row) => row.some((c) => c !== "")));
  return s;
};
const a = read("/tmp/h7/compare.docx", "accept");
const n = read("/tmp/h7/newer.docx");
const r = read("/tmp/h7/compare.docx", "reject");
const o = read("/tmp/h7/older.docx");
for (const k of ["headings", "paragraphs", "notes", "tables"] as const) {
  const x = JSON.stringify(a[k]) === JSON.stringify(n[k]);
  const y = JSON.stringify(r[k]) === JSON.stringify(o[k]);
  console.log(k, x, y, a[k].length, n[k].length, r[k].length, o[k].length);
  if (!x) {
    const i = a[k].findIndex((v, i) => JSON.stringify(v) !== JSON.stringify(n[k][i]));
    console.log("A", JSON.stringify(a[k][i]).slice(0, 400));
    console.log("N", JSON.stringify(n[k][i]).slice(0, 400));
  }
  if (!y) {
    const i = r[k].findIndex((v, i) => JSON.stringify(v) !== JSON.stringify(o[k][i]));
    console.log("R", JSON.stringify(r[k][i]).slice(0, 400));
    console.log("O", JSON.stringify(o[k][i]).slice(0, 400));
  }
}
