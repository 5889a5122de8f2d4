import { type BlockChange, blockChange, inlineChange } from "@rapporteur/compare";
import type { DocJSON } from "@rapporteur/schema";
import {
  DeletedTextRun,
  InsertedTextRun,
  type IRunOptions,
  type ParagraphChild,
  XmlAttributeComponent,
  XmlComponent,
} from "docx";
import type { ConversionContext } from "./conversionContext";
import { PARAGRAPH_MARK } from "./paragraphMarks";

/** The attributes Word gives each tracked change: `w:id`, `w:author`, `w:date`. */
export interface Revision {
  id: number;
  author: string;
  date: string;
}

/**
 * The revision of a change mark or block change of a compared document (see @rapporteur/compare),
 * with a fresh id; undefined for content that did not change.
 */
function revision(change: BlockChange | undefined, ctx: ConversionContext) {
  if (!change) return undefined;
  const time = new Date(change.date);
  // Word wants an xsd:dateTime without fractions of seconds; docx leaves out undefined attributes.
  const date = Number.isNaN(time.getTime())
    ? (undefined as unknown as string)
    : time.toISOString().replace(/\.\d{3}Z$/, "Z");
  const value: Revision = { id: ctx.nextRevisionId(), author: change.author || "Unknown", date };
  return { kind: change.kind, value };
}

/**
 * A text run inside `w:ins` (inserted text) or `w:del` with `w:delText` (deleted text) when the
 * node carries a change mark; a plain run otherwise (undefined: the caller makes it).
 */
export function trackedTextRun(
  node: DocJSON,
  options: IRunOptions,
  ctx: ConversionContext,
): ParagraphChild | undefined {
  const change = revision(inlineChange(node), ctx);
  if (!change) return undefined;
  return change.kind === "insertion"
    ? new InsertedTextRun({ ...options, ...change.value })
    : new DeletedTextRun({ ...options, ...change.value });
}

class RevisionAttributes extends XmlAttributeComponent<Partial<Revision>> {
  protected override readonly xmlKeys = { id: "w:id", author: "w:author", date: "w:date" };
}

/** `w:ins` or `w:del` around runs that are not text (a footnote reference). */
class RevisionWrapper extends XmlComponent {
  constructor(kind: "insertion" | "deletion", value: Revision, children: ParagraphChild[]) {
    super(kind === "insertion" ? "w:ins" : "w:del");
    this.root.push(new RevisionAttributes(value));
    for (const child of children) this.root.push(child);
  }
}

/** Runs of an inline node (footnote reference), wrapped in `w:ins`/`w:del` if it changed. */
export function trackedRuns(
  node: DocJSON,
  runs: ParagraphChild[],
  ctx: ConversionContext,
): ParagraphChild[] {
  const change = revision(inlineChange(node), ctx);
  if (!change) return runs;
  return [new RevisionWrapper(change.kind, change.value, runs) as unknown as ParagraphChild];
}

/**
 * Paragraph options marking the paragraph mark of a block inserted or deleted whole
 * (`w:pPr/w:rPr/w:ins|w:del`), so that accepting or rejecting removes the paragraph itself.
 */
export function trackedParagraphMark(
  node: DocJSON,
  ctx: ConversionContext,
): { run?: { insertion?: Revision; deletion?: Revision } } {
  // Moved by moveParagraphMarks: kept on a deleted paragraph, deleted on the one before it.
  const moved = node.attrs?.[PARAGRAPH_MARK];
  const change = revision(
    moved === "kept" || moved === "emptied"
      ? undefined
      : moved
        ? blockChange({ ...node, attrs: { change: moved } })
        : blockChange(node),
    ctx,
  );
  if (!change) return {};
  return { run: { [change.kind]: change.value } };
}

/** Table row options of a row inserted or deleted whole (`w:trPr/w:ins|w:del`). */
export function trackedRow(
  node: DocJSON,
  ctx: ConversionContext,
): { insertion?: Revision; deletion?: Revision } {
  const change = revision(blockChange(node), ctx);
  return change ? { [change.kind]: change.value } : {};
}

/**
 * The numbering of a body paragraph: as given, or, for a deleted paragraph that
 * moveParagraphMarks marked "emptied", none, with the number kept as the old formatting of a
 * tracked formatting change (`w:pPrChange`).
 */
export function trackedBodyNumbering<N>(
  node: DocJSON,
  style: string,
  numbering: N,
  ctx: ConversionContext,
): { numbering: N } | { revision: Revision & { style: string; numbering: N } } {
  const change = blockChange(node);
  if (node.attrs?.[PARAGRAPH_MARK] !== "emptied" || !change) return { numbering };
  const value = revision(change, ctx)!.value;
  return { revision: { ...value, style, numbering } };
}
