import { numberedOutline, referenceTargets } from "@rapporteur/schema";
import type { RootContent } from "mdast";
import { stringify } from "yaml";
import { blocksToMdast, type ToMarkdownState } from "./docToMdast";
import type { MarkdownReport } from "./markdownReport";
import { normalizeDoc } from "./normalizeDoc";
import { stringifyMarkdown } from "./stringifyMarkdown";

/**
 * Writes the whole report as one GitHub-flavoured Markdown file: YAML front matter (title,
 * symbol, date), each part as a `#` heading, each section as a `##` heading followed by its
 * document (its sub-headings as `###` and `####`), and footnotes numbered `[^1]`, `[^2]`, ...
 * across the whole report with all definitions at the end. Read back by
 * {@link reportFromMarkdown}. Throws if a section names a part that `report.parts` lacks.
 */
export function reportToMarkdown(report: MarkdownReport): string {
  const partTitles = new Map(report.parts.map((p) => [p.id, p.title]));
  // Cross-references show their targets' numbers, as the DOCX does (sections their titles:
  // Markdown headings are not numbered).
  const titles = new Map(report.sections.map((s) => [s.id, s.title]));
  const targets = referenceTargets(
    numberedOutline(report.parts, report.sections).map((s) => ({
      ...s,
      label: titles.get(s.id) ?? s.label,
    })),
  );
  const state: ToMarkdownState = {
    footnoteDefinitions: [],
    targets,
    citations: report.citations,
  };
  const children: RootContent[] = [];
  let currentPart: string | undefined;
  for (const section of report.sections) {
    if (section.part !== currentPart) {
      const title = partTitles.get(section.part);
      if (title === undefined) {
        throw new Error(
          `reportToMarkdown: section '${section.id}' names unknown part '${section.part}'`,
        );
      }
      children.push({ type: "heading", depth: 1, children: [{ type: "text", value: title }] });
      currentPart = section.part;
    }
    children.push({
      type: "heading",
      depth: 2,
      children: [{ type: "text", value: section.title }],
    });
    const doc = normalizeDoc(section.doc);
    const blocks = doc.content ?? [];
    // An empty section is just its heading.
    const empty = blocks.length === 1 && blocks[0]?.type === "paragraph" && !blocks[0].content;
    if (!empty) children.push(...blocksToMdast(blocks, state));
  }
  const front = stringify({ title: report.title, symbol: report.symbol, date: report.date });
  const body = stringifyMarkdown({
    type: "root",
    children: [...children, ...state.footnoteDefinitions],
  });
  return `---\n${front}---\n\n${body}`;
}
