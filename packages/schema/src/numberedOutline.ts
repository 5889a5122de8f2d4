import type { DocJSON } from "./docJson";
import { chapterLabel, sectionLabel } from "./headingLabels";
import type { NumberedSection } from "./referenceTargets";

/** A section of the outline with its part and document, as the exports read it. */
export interface OutlineSectionDoc {
  id: string;
  part: string;
  doc: DocJSON;
}

/** A section in export order with its label and, outside front matter, its heading's place. */
export interface OutlineNumberedSection extends NumberedSection {
  /** Chapter (from 1) and section within it (from 1); 0 for front matter. */
  chapter: number;
  index: number;
}

/** Where a section stands in the numbering: its label ("II.A") and its heading's place. */
export interface OutlinePlace {
  label: string;
  /** Front matter (the Summary): no label, no chapter. */
  frontMatter?: boolean;
  /** Chapter (from 1) and section within it (from 1); 0 for front matter. */
  chapter: number;
  index: number;
}

/**
 * The sections in the order the exports number them (parts in outline order, each part's
 * sections in order), each with its place (see {@link numberedOutline}), whatever else they
 * carry. Sections of unknown parts are left out. Pure.
 */
export function placedOutline<S extends { id: string; part: string }>(
  parts: readonly { id: string; frontMatter?: boolean }[],
  sections: readonly S[],
): (S & OutlinePlace)[] {
  let chapters = 0;
  return parts.flatMap((part) => {
    const own = sections.filter((s) => s.part === part.id);
    if (part.frontMatter) {
      return own.map((s) => ({ ...s, label: "", frontMatter: true, chapter: 0, index: 0 }));
    }
    chapters += 1;
    const chapter = chapters;
    return own.map((s, i) => ({
      ...s,
      label: `${chapterLabel(chapter)}${sectionLabel(i + 1)}`.replace(/\.$/, ""),
      chapter,
      index: i + 1,
    }));
  });
}

/**
 * The sections in the order the exports number them (parts in outline order, each part's
 * sections in order), labelled as the DOCX prints their headings: "II.A" for section A of
 * chapter II; front-matter parts (the Summary) take no chapter number. Sections of unknown
 * parts are left out. Pure: the DOCX and Markdown exports, the preflight and the server's
 * numbering route all number from this.
 */
export function numberedOutline(
  parts: readonly { id: string; frontMatter?: boolean }[],
  sections: readonly OutlineSectionDoc[],
): OutlineNumberedSection[] {
  return placedOutline(parts, sections).map((s) => ({
    id: s.id,
    label: s.label,
    doc: s.doc,
    ...(s.frontMatter ? { frontMatter: true } : {}),
    chapter: s.chapter,
    index: s.index,
  }));
}
