import { writeFileSync, mkdtempSync, readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { loadDocxTemplate, toDocx } from "@rapporteur/docx";
import { countDocument } from "@rapporteur/wordcount";
const dir = mkdtempSync(join(tmpdir(), "lo-scratch-"));
const p = (t: string, extra: any[] = []) => ({ type: "paragraph", content: [{ type: "text", text: t }, ...extra] });
const docs: Record<string, any> = {
  empty: { type: "doc", content: [] },
  one: { type: "doc", content: [p("alpha beta gamma")] },
  two: { type: "doc", content: [p("alpha beta gamma"), p("delta epsilon")] },
  note: { type: "doc", content: [p("alpha beta gamma", [{ type: "footnote", content: [{ type: "text", text: "note words here" }] }])] },
  heading: { type: "doc", content: [{ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Sub head" }] }, p("x y")] },
  list: { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [p("item one")] }] }, { type: "orderedList", content: [{ type: "listItem", content: [p("item two")] }] }] },
};
for (const [name, doc] of Object.entries(docs)) {
  const report = { title: "T", symbol: "E/1", date: "2025-01-01", parts: [{ id: "a", title: "Part" }], sections: [{ id: "s", title: "Sec", part: "a", doc }] };
  writeFileSync(join(dir, `${name}.docx`), await toDocx(report as any, loadDocxTemplate()));
}
execFileSync("soffice", [`-env:UserInstallation=file://${dir}/prof`, "--headless", "--convert-to", "odt", "--outdir", dir, ...Object.keys(docs).map((n) => join(dir, `${n}.docx`))], { stdio: "ignore" });
execFileSync("soffice", [`-env:UserInstallation=file://${dir}/prof`, "--headless", "--convert-to", "txt:Text", "--outdir", dir, ...Object.keys(docs).map((n) => join(dir, `${n}.docx`))], { stdio: "ignore" });
for (const name of Object.keys(docs)) {
  const meta = execFileSync("unzip", ["-p", join(dir, `${name}.odt`), "meta.xml"]).toString();
  const m = /meta:word-count="(\d+)"/.exec(meta);
  console.log(name, m?.[1], countDocument(docs[name]), JSON.stringify(readFileSync(join(dir, `${name}.txt`), "utf8").slice(-200)));
}
console.log(dir);
