import type { Element } from "@xmldom/xmldom";
import { DocxImportError } from "./docxImportError";
import { DEFAULT_DOCX_LIMITS } from "./docxPackage";
import { openWordDocument } from "./openWordDocument";
import { attribute, childElement, childElements, nameOf } from "./wordElement";

/**
 * One tracked change of a reviewed Word file: text deleted, inserted, or both (a replacement:
 * a deletion and an insertion side by side by the same reviewer).
 */
export interface ReviewChange {
  /** The reviewer, as Word names them (`w:author`); "Unknown author" when missing. */
  author: string;
  /** ISO date-time of the change (`w:date`), or null when Word did not record it. */
  date: string | null;
  /** Offset in {@link DocxReview.text} where the change starts. */
  at: number;
  /** Text the reviewer deleted: `text.slice(at, at + deleted.length)` (empty for an insertion). */
  deleted: string;
  /** Text the reviewer inserted at `at` (empty for a deletion). */
  inserted: string;
}

/** A reply in a Word comment thread (commentsExtended.xml). */
export interface ReviewReply {
  author: string;
  date: string | null;
  text: string;
}

/** A Word comment with its replies. */
export interface ReviewComment {
  author: string;
  date: string | null;
  text: string;
  /** The commented range in {@link DocxReview.text}; null when the comment marks no text. */
  range: { from: number; to: number } | null;
  /** Marked done in Word. */
  done: boolean;
  replies: ReviewReply[];
}

/**
 * What a reviewer did to a Word file: its text as it was before the review (tracked deletions
 * kept, insertions left out; paragraphs separated by `\n`, footnotes left out), and the tracked
 * changes and comments placed in that text.
 */
export interface DocxReview {
  text: string;
  changes: ReviewChange[];
  comments: ReviewComment[];
  /** What of the review is not carried over (formatting changes, changes inside footnotes...). */
  warnings: string[];
}

const INSERTIONS = new Set(["w:ins", "w:moveTo"]);
const DELETIONS = new Set(["w:del", "w:moveFrom"]);
// Properties (including formatting changes and paragraph-mark revisions) and things that are not
// the running text (text boxes, drawings, field codes).
const SKIPPED = new Set([
  "w:pPr",
  "w:rPr",
  "w:sectPr",
  "w:txbxContent",
  "w:drawing",
  "w:pict",
  "w:object",
  "w:instrText",
  "w:delInstrText",
]);
const MAX_DEPTH = 64;

interface PendingChange {
  author: string;
  date: string | null;
  at: number;
  deleted: string;
  inserted: string;
}

/**
 * Reads the review of a Word file: its tracked insertions, deletions and replacements
 * (`w:ins`/`w:del`, moves as deletion plus insertion) with their authors and dates, and its
 * comments with their ranges (`w:commentRangeStart`/`End`) and replies (`commentsExtended.xml`,
 * where present; without it every comment is a thread of its own). Nothing is accepted or
 * rejected: offsets are in the text as it was before the review.
 *
 * Pure: no I/O; inflates the file under the same limits as {@link fromDocx}. Throws
 * {@link DocxImportError} for a file that is not a readable Word document, and `no_review` for
 * one without any tracked change or comment.
 */
export async function readDocxReview(data: Uint8Array): Promise<DocxReview> {
  const word = await openWordDocument(data, DEFAULT_DOCX_LIMITS.maxUncompressedBytes);
  const { pkg, root, partPath } = word;
  const body = childElement(root, "w:body");
  let text = "";
  const changes: ReviewChange[] = [];
  const starts = new Map<string, number>();
  const ends = new Map<string, number>();
  let formatChanges = 0;
  let pending: PendingChange | null = null;

  const flush = () => {
    if (pending && (pending.deleted !== "" || pending.inserted.trim() !== "")) {
      changes.push({ ...pending });
    }
    pending = null;
  };
  const changed = (kind: "ins" | "del", by: Element, piece: string) => {
    if (piece === "") return;
    const author = attribute(by, "w:author")?.trim() || "Unknown author";
    const date = attribute(by, "w:date") ?? null;
    if (pending && pending.author !== author) flush();
    pending ??= { author, date, at: text.length, deleted: "", inserted: "" };
    if (kind === "del") {
      pending.deleted += piece;
      text += piece;
    } else {
      pending.inserted += piece;
    }
  };
  const unchanged = (piece: string) => {
    if (piece === "") return;
    flush();
    text += piece;
  };

  const paragraph = (p: Element) => {
    const stack: { element: Element; depth: number; change: Element | null; kind: string }[] =
      childElements(p)
        .reverse()
        .map((element) => ({ element, depth: 1, change: null, kind: "" }));
    while (stack.length > 0) {
      const { element, depth, change, kind } = stack.pop()!;
      const name = nameOf(element);
      if (depth > MAX_DEPTH) {
        throw new DocxImportError(
          "malformed_xml",
          `The Word file was refused: its elements are nested more than ${MAX_DEPTH} deep.`,
        );
      }
      if (name === "w:rPr" || name === "w:pPr") {
        formatChanges += childElements(element).filter((child) =>
          /^w:(rPrChange|pPrChange)$/.test(nameOf(child)),
        ).length;
        continue;
      }
      if (SKIPPED.has(name)) continue;
      const piece = pieceOf(element, name);
      if (piece !== null) {
        if (change) changed(kind === "del" ? "del" : "ins", change, piece);
        else unchanged(piece);
        continue;
      }
      if (name === "w:commentRangeStart" || name === "w:commentRangeEnd") {
        const id = attribute(element, "w:id");
        if (id !== undefined) (name === "w:commentRangeStart" ? starts : ends).set(id, text.length);
        continue;
      }
      let next = change;
      let nextKind = kind;
      if (INSERTIONS.has(name)) {
        next = element;
        nextKind = "ins";
      } else if (DELETIONS.has(name)) {
        next = element;
        nextKind = "del";
      }
      for (const child of childElements(element).reverse()) {
        stack.push({ element: child, depth: depth + 1, change: next, kind: nextKind });
      }
    }
  };

  // Paragraphs in document order, those of tables included.
  const blocks = body ? childElements(body).reverse() : [];
  while (blocks.length > 0) {
    const block = blocks.pop()!;
    const name = nameOf(block);
    if (name === "w:p") {
      const start = text.length;
      paragraph(block);
      // Paragraphs without text of their own are not lines of the text before the review (the
      // editor has no empty lines either); one inserted whole joins the insertion, a space apart.
      const current = pending as PendingChange | null;
      if (text.length > start) unchanged("\n");
      else if (current && current.inserted !== "" && !current.inserted.endsWith(" ")) {
        current.inserted += " ";
      }
    } else if (!SKIPPED.has(name)) {
      blocks.push(...childElements(block).reverse());
    }
  }
  flush();

  const comments = await readComments(
    await pkg.xml(partPath("comments", "comments.xml")),
    await pkg.xml(partPath("commentsExtended", "commentsExtended.xml")),
    starts,
    ends,
  );
  const warnings: string[] = [];
  if (formatChanges > 0) {
    warnings.push(
      `${formatChanges} tracked formatting change(s) were not imported: only changes of the text become suggestions.`,
    );
  }
  const notesPath = partPath("footnotes", "footnotes.xml");
  const notes = pkg.has(notesPath) ? await pkg.xml(notesPath) : undefined;
  const inNotes = notes ? countChanges(notes) : 0;
  if (inNotes > 0) {
    warnings.push(
      `${inNotes} tracked change(s) inside footnotes were not imported: make them in the section's footnotes by hand.`,
    );
  }
  if (changes.length === 0 && comments.length === 0) {
    throw new DocxImportError(
      "no_review",
      "This Word file has no tracked changes and no comments: there is no review to import. To replace the section's text with it, use “Import into this section…” instead.",
    );
  }
  return { text, changes, comments, warnings };
}

/** The text an element stands for in the running text, or null for a container. */
function pieceOf(element: Element, name: string): string | null {
  switch (name) {
    case "w:t":
    case "w:delText":
      return element.textContent ?? "";
    case "w:tab":
    case "w:br":
    case "w:cr":
      return " ";
    case "w:noBreakHyphen":
      return "-";
    case "w:softHyphen":
    case "w:footnoteReference":
    case "w:endnoteReference":
    case "w:commentReference":
    case "w:annotationRef":
    case "w:fldChar":
    case "w:sym":
      return "";
    default:
      return null;
  }
}

function countChanges(root: Element): number {
  let count = 0;
  const stack = [root];
  while (stack.length > 0) {
    const element = stack.pop()!;
    const name = nameOf(element);
    if (INSERTIONS.has(name) || DELETIONS.has(name)) count += 1;
    else stack.push(...childElements(element));
  }
  return count;
}

function plainText(element: Element): string {
  const paragraphs: string[] = [];
  const stack = [element];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (nameOf(next) === "w:p") {
      let line = "";
      const inner = [next];
      while (inner.length > 0) {
        const node = inner.pop()!;
        const name = nameOf(node);
        const piece = name === "w:rPr" || name === "w:pPr" ? "" : pieceOf(node, name);
        if (piece !== null) line += piece;
        else inner.push(...childElements(node).reverse());
      }
      paragraphs.push(line.trim());
    } else {
      stack.push(...childElements(next).reverse());
    }
  }
  return paragraphs.filter((line) => line !== "").join("\n");
}

async function readComments(
  commentsRoot: Element | undefined,
  extendedRoot: Element | undefined,
  starts: Map<string, number>,
  ends: Map<string, number>,
): Promise<ReviewComment[]> {
  if (!commentsRoot) return [];
  // commentsExtended: paraId of a comment's last paragraph -> its parent's paraId, done flag.
  const parents = new Map<string, string>();
  const done = new Set<string>();
  for (const entry of extendedRoot ? childElements(extendedRoot) : []) {
    if (nameOf(entry) !== "w15:commentEx") continue;
    const paraId = attribute(entry, "w15:paraId");
    if (!paraId) continue;
    const parent = attribute(entry, "w15:paraIdParent");
    if (parent) parents.set(paraId, parent);
    if (attribute(entry, "w15:done") === "1") done.add(paraId);
  }
  const threads = new Map<string, ReviewComment>();
  const order: { paraId: string | undefined; comment: ReviewComment }[] = [];
  for (const element of childElements(commentsRoot)) {
    if (nameOf(element) !== "w:comment") continue;
    const id = attribute(element, "w:id") ?? "";
    const paragraphs = childElements(element).filter((child) => nameOf(child) === "w:p");
    const paraId = attribute(paragraphs.at(-1), "w14:paraId");
    const from = starts.get(id);
    const to = ends.get(id);
    const comment: ReviewComment = {
      author: attribute(element, "w:author")?.trim() || "Unknown author",
      date: attribute(element, "w:date") ?? null,
      text: plainText(element),
      range: from !== undefined && to !== undefined && to >= from ? { from, to } : null,
      done: paraId !== undefined && done.has(paraId),
      replies: [],
    };
    order.push({ paraId, comment });
    if (paraId) threads.set(paraId, comment);
  }
  const out: ReviewComment[] = [];
  for (const { paraId, comment } of order) {
    const parentId = paraId ? parents.get(paraId) : undefined;
    const parent = parentId ? threads.get(parentId) : undefined;
    if (parent && parent !== comment) {
      parent.replies.push({ author: comment.author, date: comment.date, text: comment.text });
    } else if (comment.text !== "") {
      out.push(comment);
    }
  }
  return out;
}
