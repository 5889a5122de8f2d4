import { type DocJSON, schema } from "@rapporteur/schema";
import type { Element } from "@xmldom/xmldom";
import { assembleBlocks } from "./assembleBlocks";
import { convertBlocks } from "./blockHandlers";
import { DEFAULT_DOCX_LIMITS } from "./docxPackage";
import { CROSS_REF_BOOKMARK, ImportContext, type NotePart } from "./importContext";
import { openWordDocument } from "./openWordDocument";
import { parseRelationships, relationshipsPath } from "./relationships";
import {
  attribute,
  childElement,
  childElements,
  childValue,
  descendantElements,
  nameOf,
} from "./wordElement";
import { WordNumbering } from "./wordNumbering";
import { numberingOf, WordStyles } from "./wordStyles";

/** Options of {@link fromDocx}. */
export interface DocxImportOptions {
  /**
   * Most bytes inflated from the file, all parts read together (default 50 MiB; one part may
   * hold at most 20 MiB, or this limit if lower). Past it the import fails with `too_large`.
   */
  maxUncompressedBytes?: number;
}

/** What {@link fromDocx} returns: the section document and what could not be kept. */
export interface DocxImportResult {
  doc: DocJSON;
  /** One human-readable sentence per kind of content left out or changed, in document order. */
  warnings: string[];
}

/**
 * Converts a Word `.docx` file into the document of one section: sub-headings, paragraphs with
 * bold, italic and links, bulleted and ordered lists (nested), block quotes, tables and
 * footnotes. Everything else (images, text boxes, comments, fields, equations, breaks, headers
 * and footers...) is left out and named in `warnings`; tracked changes are accepted.
 *
 * Heading mapping: Word's Title, Heading 1 and Heading 2 become level-3 sub-headings, Heading 3
 * and below level 4 (by style name or outline level). A file exported by Rapporteur is recognised
 * by its styles: its masthead, contents, chapter (Heading 1) and section (Heading 2) titles are
 * left out, and its Heading 3 and 4 come back as levels 3 and 4.
 *
 * Pure: no I/O. The result passes `schema.nodeFromJSON(doc).check()`. Throws
 * {@link DocxImportError} for a file that is not a readable Word document or exceeds the limits;
 * the file is inflated under those limits, so a hostile file cannot exhaust memory.
 */
export async function fromDocx(
  data: Uint8Array,
  options: DocxImportOptions = {},
): Promise<DocxImportResult> {
  const { pkg, root, partPath, links } = await openWordDocument(
    data,
    options.maxUncompressedBytes ?? DEFAULT_DOCX_LIMITS.maxUncompressedBytes,
  );
  const styles = WordStyles.parse(await pkg.xml(partPath("styles", "styles.xml")));
  const numbering = WordNumbering.parse(
    await pkg.xml(partPath("numbering", "numbering.xml")),
    styles,
  );
  const notes = async (type: string, name: string, element: string): Promise<NotePart> => {
    const path = partPath(type, name);
    const notesRoot = await pkg.xml(path);
    const byId = new Map<string, Element>();
    for (const note of notesRoot ? childElements(notesRoot) : []) {
      const id = attribute(note, "w:id");
      const kind = attribute(note, "w:type") ?? "normal";
      if (nameOf(note) === element && id !== undefined && kind === "normal") byId.set(id, note);
    }
    const relationships = parseRelationships(
      notesRoot ? await pkg.xml(relationshipsPath(path)) : undefined,
      path,
    );
    return { notes: byId, relationships };
  };

  const body = childElement(root, "w:body");
  const nestedNumIds = new Set<string>();
  for (const pPr of body ? descendantElements(body, "w:pPr") : []) {
    const ref = numberingOf(pPr);
    if (ref && (ref.ilvl ?? 0) > 0) nestedNumIds.add(ref.numId);
  }
  const ctx = new ImportContext(
    styles,
    numbering,
    await notes("footnotes", "footnotes.xml", "w:footnote"),
    await notes("endnotes", "endnotes.xml", "w:endnote"),
    ["Masthead", "ReportTitle", "SingleTxt"].every((id) => styles.has(id)),
    nestedNumIds,
  );
  if (ctx.rapporteurExport && body) collectBookmarkKinds(body, ctx);
  const blocks = convertBlocks(body ? childElements(body) : [], {
    ctx,
    relationships: links,
    fields: [],
    header: false,
    depth: 0,
  });
  const content = assembleBlocks(blocks);
  const titles = ctx.sectionTitles;
  if (titles.length > 1) {
    const named = titles.slice(0, 5).map((title) => `"${title.slice(0, 80)}"`);
    if (titles.length > 5) named.push(`and ${titles.length - 5} more`);
    ctx.warnings.add("severalSections", `${titles.length} report sections (${named.join(", ")})`);
  }
  if (content.length === 0) {
    ctx.warnings.add("emptyDocument");
    content.push({ type: "paragraph" });
  }
  const node = schema.nodeFromJSON({ type: "doc", content });
  node.check();
  return { doc: node.toJSON() as DocJSON, warnings: ctx.warnings.messages() };
}

/** Notes what each cross-reference bookmark of a Rapporteur export marks (see bookmarkKinds). */
function collectBookmarkKinds(body: Element, ctx: ImportContext): void {
  for (const paragraph of descendantElements(body, "w:p")) {
    const style = childValue(childElement(paragraph, "w:pPr"), "w:pStyle");
    const kind = style === "TableCaption" ? "table" : style === "BoxTitle" ? "box" : "paragraph";
    for (const bookmark of descendantElements(paragraph, "w:bookmarkStart")) {
      const name = attribute(bookmark, "w:name") ?? "";
      if (CROSS_REF_BOOKMARK.test(name)) ctx.bookmarkKinds.set(name, kind);
    }
  }
}
