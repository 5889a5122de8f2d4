import type { DocJSON } from "@rapporteur/schema";
import type { RootContent } from "mdast";
import { cleanSource } from "./cleanSource";
import { splitFrontMatter } from "./frontMatter";
import type { MarkdownOutline } from "./markdownReport";
import { mdastText } from "./mdastText";
import {
  collectDefinitions,
  convertFlow,
  type FromMarkdownState,
  warnUnusedFootnotes,
} from "./mdastToDoc";
import { normalizeDoc } from "./normalizeDoc";
import { parseMarkdown } from "./parseMarkdown";
import { snippet } from "./snippet";
import { WarningList } from "./warningList";

/** A report read from one Markdown file by {@link reportFromMarkdown}. */
export interface ReportFromMarkdownResult {
  /** Front matter values, when present as text. */
  title?: string;
  symbol?: string;
  date?: string;
  /** The sections found in the file, in outline order, each with its document. */
  sections: { id: string; doc: DocJSON }[];
  /** What could not be kept, or was not recognised, with line numbers. */
  warnings: string[];
}

function titleKey(title: string): string {
  return title.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

function frontValue(data: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = data?.[key];
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/**
 * Reads a whole report written by {@link reportToMarkdown}: `#` headings are parts, `##` headings
 * are sections, matched to the outline by title (case and spacing ignored); the content under a
 * section heading becomes that section's document, whose `###` and `####` headings are its
 * sub-headings. Footnote definitions may be anywhere in the file. Headings that match no part or
 * section, content outside any section and sections the file lacks are reported as warnings.
 */
export function reportFromMarkdown(
  markdown: string,
  outline: MarkdownOutline,
): ReportFromMarkdownResult {
  const warnings = new WarningList();
  const front = splitFrontMatter(cleanSource(markdown, warnings));
  if (front.error) warnings.add(undefined, `Line 1: ${front.error}.`);
  const tree = parseMarkdown(front.body);
  const parts = new Map(outline.parts.map((p) => [titleKey(p.title), p]));
  const sections = new Map(outline.sections.map((s) => [titleKey(s.title), s]));
  const bodies = new Map<string, RootContent[]>();

  let current: RootContent[] | undefined;
  let currentPart: string | undefined;
  // Under an unknown section heading, whose warning already says its content is not imported.
  let skipping = false;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth <= 2) {
      const title = mdastText(node);
      current = undefined;
      skipping = false;
      if (node.depth === 1) {
        const part = parts.get(titleKey(title));
        currentPart = part?.id;
        if (!part) warnings.add(node, `"# ${snippet(title)}" is not a part of the outline.`);
        continue;
      }
      const section = sections.get(titleKey(title));
      if (!section) {
        warnings.add(
          node,
          `"## ${snippet(title)}" is not a section of the outline: its content is not imported.`,
        );
        skipping = true;
        continue;
      }
      if (currentPart !== undefined && section.part !== currentPart) {
        warnings.add(
          node,
          `section "${snippet(title)}" appears under another part than in the outline.`,
        );
      }
      if (bodies.has(section.id)) {
        warnings.add(
          node,
          `section "${snippet(title)}" appears twice: both are imported, in order.`,
        );
      }
      current = bodies.get(section.id) ?? [];
      bodies.set(section.id, current);
      continue;
    }
    if (current) current.push(node);
    else if (!skipping && node.type !== "footnoteDefinition" && node.type !== "definition") {
      warnings.add(node, `${node.type} outside any section is not imported.`);
    }
  }

  const state: FromMarkdownState = {
    warnings,
    ...collectDefinitions(tree),
    usedFootnotes: new Set(),
    headingOffset: 0,
    depth: 0,
    inFootnote: false,
  };
  const result: { id: string; doc: DocJSON }[] = [];
  for (const section of outline.sections) {
    const body = bodies.get(section.id);
    if (!body) {
      warnings.add(undefined, `Section "${section.title}" (${section.id}) is not in the file.`);
      continue;
    }
    result.push({
      id: section.id,
      doc: normalizeDoc({ type: "doc", content: convertFlow(body, state) }),
    });
  }
  warnUnusedFootnotes(state);
  return {
    title: frontValue(front.data, "title"),
    symbol: frontValue(front.data, "symbol"),
    date: frontValue(front.data, "date"),
    sections: result,
    warnings: warnings.list(),
  };
}
