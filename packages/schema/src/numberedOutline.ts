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
  let chapters = 0;
  return parts.flatMap((part) => {
    const own = sections.filter((s) => s.part === part.id);
    if (part.frontMatter) {
      return own.map((s) => ({
        id: s.id,
        label: "",
        doc: s.doc,
        frontMatter: true,
        chapter: 0,
        index: 0,
      }));
    }
    chapters += 1;
    const chapter = chapters;
    return own.map((s, i) => ({
      id: s.id,
      label: `${chapterLabel(chapter)}${sectionLabel(i + 1)}`.replace(/\.$/, ""),
      doc: s.doc,
      chapter,
      index: i + 1,
    }));
  });
}
