import { FRAGMENT_NAME, schema } from "@rapporteur/schema";
import * as Y from "yjs";

/** Any shared type of a Y.Doc (the parameter is the type's event class, irrelevant here). */
// biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type
export type YType = Y.AbstractType<any>;

/** One Y.XmlText of the section, placed in the section's text. */
export interface TextRun {
  text: Y.XmlText;
  /** Offset of its first character in the section's text (all runs, document order). */
  start: number;
  end: number;
  /** Its characters (an embed counts as one character, U+FFFC). */
  content: string;
  /** Nearest enclosing block element (or the fragment): runs of different blocks are lines. */
  block: YType;
  /** Enclosing inline node with text of its own (a footnote), or null in running text. */
  inlineOwner: Y.XmlElement | null;
}

/**
 * The text of a section's fragment in document order, with a way to turn a Yjs absolute position
 * (type + index) into an offset in that text. Built by {@link indexText}.
 */
export interface TextIndex {
  runs: TextRun[];
  /** Offset in the section's text of a position, or null when it is not in this fragment. */
  offsetOf(type: YType, index: number): number | null;
}

export const OBJECT_REPLACEMENT = "\uFFFC";

/** Walks the section's fragment once and indexes its text. */
export function indexText(ydoc: Y.Doc): TextIndex {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const runs: TextRun[] = [];
  const runOf = new Map<YType, TextRun>();
  // Offsets before each child of an element, and after the last.
  const boundaries = new Map<YType, number[]>();
  let offset = 0;

  const visit = (
    parent: Y.XmlFragment | Y.XmlElement,
    block: YType,
    inlineOwner: Y.XmlElement | null,
  ): void => {
    const marks: number[] = [];
    for (const child of parent.toArray()) {
      marks.push(offset);
      if (child instanceof Y.XmlText) {
        let content = "";
        for (const op of child.toDelta() as { insert: unknown }[]) {
          content += typeof op.insert === "string" ? op.insert : OBJECT_REPLACEMENT;
        }
        const run: TextRun = {
          text: child,
          start: offset,
          end: offset + content.length,
          content,
          block,
          inlineOwner,
        };
        runs.push(run);
        runOf.set(child, run);
        offset = run.end;
      } else if (child instanceof Y.XmlElement) {
        const inline = schema.nodes[child.nodeName]?.isInline ?? false;
        visit(child, inline ? block : child, inline ? child : inlineOwner);
      }
    }
    marks.push(offset);
    boundaries.set(parent, marks);
  };
  visit(fragment, fragment, null);

  const liveOffset = (type: YType, index: number): number | null => {
    const run = runOf.get(type);
    if (run) return run.start + Math.min(Math.max(index, 0), run.content.length);
    const marks = boundaries.get(type);
    if (marks) return marks[Math.min(Math.max(index, 0), marks.length - 1)] ?? null;
    return null;
  };

  return {
    runs,
    offsetOf(type, index) {
      const live = liveOffset(type, index);
      if (live !== null) return live;
      // A deleted type (a removed paragraph): its place is where it was in the nearest live
      // ancestor, counting the live content before it.
      let item = type._item;
      while (item !== null) {
        const parent = item.parent;
        if (!(parent instanceof Y.AbstractType)) return null;
        if (runOf.has(parent) || boundaries.has(parent)) {
          let before = 0;
          for (let n = item.left; n !== null; n = n.left) {
            if (!n.deleted && n.countable) before += n.length;
          }
          return liveOffset(parent, before);
        }
        item = parent._item;
      }
      return null;
    },
  };
}

/**
 * The runs that hold the text between two offsets: those of the running text, or those of the
 * footnote when the range starts inside one (a footnote's text is not part of the sentence
 * around it, so a range across a footnote skips it).
 */
export function runsBetween(index: TextIndex, from: number, to: number): TextRun[] {
  const overlapping = index.runs.filter((run) => run.start < to && run.end > from);
  const owner = overlapping[0]?.inlineOwner ?? null;
  return overlapping.filter((run) => run.inlineOwner === owner);
}
