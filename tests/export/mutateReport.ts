import type { ExportReport } from "@rapporteur/docx";
import type { DocJSON } from "@rapporteur/schema";
import { seededRandom } from "../support/collabClient";

/** What {@link mutateReport} changes. */
export interface MutateOptions {
  /** Number of edits; default 2,000. */
  changes?: number;
  /** Seed: the same seed gives the same edits. */
  seed?: number;
}

const WORDS = "revised updated new additional further regional global annual digital".split(" ");

/**
 * A copy of `report` with random edits of the kinds reviewers make: words inserted, deleted and
 * replaced; paragraphs added and removed; footnotes added, removed and reworded; table rows added
 * and removed and cells changed; list items added. `report` is not changed. Deterministic.
 */
export function mutateReport(report: ExportReport, options: MutateOptions = {}): ExportReport {
  const random = seededRandom(options.seed ?? 99);
  const copy = structuredClone(report);
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
  const word = () => pick(WORDS);
  const paragraphs: DocJSON[] = [];
  const bodies: DocJSON[][] = [];
  const tables: DocJSON[] = [];
  const lists: DocJSON[] = [];
  const walk = (node: DocJSON, inCell: boolean) => {
    if (node.type === "paragraph" && !inCell) paragraphs.push(node);
    if (node.type === "table") tables.push(node);
    if (node.type === "bulletList" || node.type === "orderedList") lists.push(node);
    const cell = inCell || node.type === "tableCell" || node.type === "tableHeader";
    for (const child of node.content ?? []) walk(child, cell);
  };
  for (const section of copy.sections) {
    bodies.push(section.doc.content!);
    walk(section.doc, false);
  }
  /** Edits one word of a random text node of `nodes` (a paragraph's or footnote's content). */
  const editWord = (nodes: DocJSON[], kind: "insert" | "delete" | "replace") => {
    const texts = nodes.filter((n) => n.type === "text" && /\w{3}/.test(n.text ?? ""));
    if (texts.length === 0) return;
    const node = pick(texts);
    const parts = node.text!.split(" ");
    const at = Math.floor(random() * parts.length);
    if (kind === "insert") parts.splice(at, 0, word());
    else if (kind === "delete" && parts.length > 2) parts.splice(at, 1);
    else
      parts[at] = /\w/.test(parts[at] ?? "")
        ? word() + (parts[at]!.match(/\W+$/)?.[0] ?? "")
        : word();
    node.text = parts.join(" ");
  };
  const changes = options.changes ?? 2_000;
  for (let n = 0; n < changes; n++) {
    const roll = random();
    const paragraph = pick(paragraphs);
    paragraph.content ??= [];
    const content = paragraph.content;
    if (roll < 0.25) editWord(content, "insert");
    else if (roll < 0.45) editWord(content, "delete");
    else if (roll < 0.7) editWord(content, "replace");
    else if (roll < 0.77) {
      const body = pick(bodies);
      const added: DocJSON = {
        type: "paragraph",
        content: [{ type: "text", text: `A ${word()} paragraph on ${word()} progress was added.` }],
      };
      body.splice(Math.floor(random() * (body.length + 1)), 0, added);
      paragraphs.push(added);
    } else if (roll < 0.82) {
      const body = pick(bodies);
      const index = body.findIndex(
        (b, i) => i >= Math.floor(random() * body.length) && b.type === "paragraph",
      );
      if (index >= 0 && body.length > 1) body.splice(index, 1);
    } else if (roll < 0.86) {
      content.push({
        type: "footnote",
        content: [{ type: "text", text: `Added note on ${word()} data.` }],
      });
    } else if (roll < 0.89) {
      const index = content.findIndex((c) => c.type === "footnote");
      if (index >= 0) content.splice(index, 1);
    } else if (roll < 0.93) {
      const notes = content.filter((c) => c.type === "footnote");
      if (notes.length > 0) editWord(pick(notes).content!, "replace");
    } else if (roll < 0.97 && tables.length > 0) {
      const rows = pick(tables).content!;
      const what = random();
      if (what < 0.4) {
        rows.push({
          type: "tableRow",
          content: [`Added ${word()}`, word(), "12", "34"].map((text) => ({
            type: "tableCell",
            content: [{ type: "paragraph", content: [{ type: "text", text }] }],
          })),
        });
      } else if (what < 0.7 && rows.length > 2) {
        rows.splice(1 + Math.floor(random() * (rows.length - 1)), 1);
      } else {
        const row = rows[1 + Math.floor(random() * (rows.length - 1))];
        const cell = row?.content?.[1]?.content?.[0];
        if (cell) cell.content = [{ type: "text", text: `${word()} ${word()}` }];
      }
    } else if (lists.length > 0) {
      pick(lists).content!.push({
        type: "listItem",
        content: [
          { type: "paragraph", content: [{ type: "text", text: `An added ${word()} point.` }] },
        ],
      });
    }
  }
  return copy;
}
