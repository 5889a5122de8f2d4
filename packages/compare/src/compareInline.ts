import type { DocJSON } from "@rapporteur/schema";
import { diffArrays } from "diff";
import type { CompareContext } from "./compareContext";
import { markWith } from "./markWhole";
import type { ChangeKind } from "./trackedChange";

/** One word, run of spaces, punctuation sign, line break or footnote of inline content. */
interface Atom {
  key: string;
  node: DocJSON;
  space: boolean;
}

// Words (letters, digits, apostrophes inside), runs of white space, or single other characters.
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|\s+|[^\p{L}\p{N}\s]/gu;

function atoms(nodes: readonly DocJSON[]): Atom[] {
  const out: Atom[] = [];
  for (const node of nodes) {
    const marks = node.marks && node.marks.length > 0 ? JSON.stringify(node.marks) : "";
    if (node.type === "text") {
      for (const token of (node.text ?? "").match(TOKEN) ?? []) {
        out.push({
          key: `t${marks}\u0000${token}`,
          node: { ...node, text: token },
          space: /^\s+$/.test(token),
        });
      }
    } else {
      out.push({
        key: `${node.type}${marks}\u0000${JSON.stringify(node.content ?? [])}`,
        node,
        space: false,
      });
    }
  }
  return out;
}

/** Joins neighbouring text nodes with the same marks. */
export function joinText(nodes: readonly DocJSON[]): DocJSON[] {
  const out: DocJSON[] = [];
  let parts: string[] = [];
  let head: DocJSON | undefined;
  const flush = () => {
    if (head && parts.join("") !== "") out.push({ ...head, text: parts.join("") });
    head = undefined;
    parts = [];
  };
  for (const node of nodes) {
    if (node.type !== "text") {
      flush();
      out.push(node);
    } else if (head && sameMarks(head.marks, node.marks)) {
      parts.push(node.text ?? "");
    } else {
      flush();
      head = node;
      parts = [node.text ?? ""];
    }
  }
  flush();
  return out;
}

function sameMarks(a: DocJSON["marks"], b: DocJSON["marks"]): boolean {
  if (a === b) return true;
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function textOf(nodes: readonly DocJSON[]): string {
  return nodes
    .map((n) => (n.type === "text" ? (n.text ?? "") : n.type === "hardBreak" ? " " : ""))
    .join("");
}

/**
 * Compares the inline content of two textblocks (or footnotes) word by word: text only the older
 * has is kept with a `deletion` mark, text only the newer has gets an `insertion` mark, deletions
 * before insertions. A footnote changed in place is compared inside; formatting changes (bold
 * added) show as the old text deleted and the new inserted.
 */
export function compareInline(
  older: readonly DocJSON[],
  newer: readonly DocJSON[],
  ctx: CompareContext,
): DocJSON[] {
  const a = atoms(older);
  const b = atoms(newer);
  const chunks = diffArrays(
    a.map((x) => x.key),
    b.map((x) => x.key),
  );
  // Walk the chunks, grouping each maximal run of changes into one hunk of removed and added atoms.
  const out: DocJSON[] = [];
  let i = 0;
  let j = 0;
  let removed: Atom[] = [];
  let added: Atom[] = [];
  const flush = () => {
    if (removed.length > 0 || added.length > 0) out.push(...hunk(removed, added, ctx));
    removed = [];
    added = [];
  };
  chunks.forEach((chunk, index) => {
    if (chunk.added) {
      added.push(...b.slice(j, j + chunk.count));
      j += chunk.count;
    } else if (chunk.removed) {
      removed.push(...a.slice(i, i + chunk.count));
      i += chunk.count;
    } else {
      const same = b.slice(j, j + chunk.count);
      // A lone space between two changes reads better inside them: "{-a b-}{+c d+}".
      const between =
        index > 0 && index < chunks.length - 1 && same.every((x) => x.space) && chunk.count <= 1;
      if (between) {
        removed.push(...a.slice(i, i + chunk.count));
        added.push(...same);
      } else {
        flush();
        out.push(...same.map((x) => x.node));
      }
      i += chunk.count;
      j += chunk.count;
    }
  });
  flush();
  return joinText(out);
}

/** One run of changes: deleted then inserted text, footnotes changed in place compared inside. */
function hunk(removed: Atom[], added: Atom[], ctx: CompareContext): DocJSON[] {
  const isNote = (x: Atom) => x.node.type === "footnote";
  const oldNotes = removed.filter(isNote);
  const newNotes = added.filter(isNote);
  if (oldNotes.length > 0 && oldNotes.length === newNotes.length) {
    // As many notes before as after: the notes were edited, the text around them compared apart.
    const out: DocJSON[] = [];
    const split = (list: Atom[]) => {
      const parts: Atom[][] = [[]];
      for (const x of list) {
        if (isNote(x)) parts.push([]);
        else parts[parts.length - 1]!.push(x);
      }
      return parts;
    };
    const oldParts = split(removed);
    const newParts = split(added);
    oldParts.forEach((part, k) => {
      out.push(...plainHunk(part, newParts[k] ?? [], ctx));
      const before = oldNotes[k];
      const after = newNotes[k];
      if (before && after) {
        out.push({
          ...after.node,
          content: compareInline(before.node.content ?? [], after.node.content ?? [], ctx),
        });
      }
    });
    return out;
  }
  return plainHunk(removed, added, ctx);
}

function plainHunk(removed: Atom[], added: Atom[], ctx: CompareContext): DocJSON[] {
  return [...changed(removed, "deletion", ctx), ...changed(added, "insertion", ctx)];
}

function changed(list: Atom[], kind: ChangeKind, ctx: CompareContext): DocJSON[] {
  if (list.length === 0) return [];
  // Tokens of one text node share its marks: join them before marking.
  const nodes = joinText(list.map((x) => x.node));
  const by = ctx.attribute(kind, textOf(nodes));
  return nodes.map((node) => markWith(node, kind, by));
}
