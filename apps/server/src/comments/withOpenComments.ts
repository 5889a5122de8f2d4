import type { SectionView } from "../report/reportView";

/** A section as the API shows it, with its number of open comment threads. */
export type SectionWithComments<S extends SectionView = SectionView> = S & { openComments: number };

/** Adds `openComments` to a section view, from `openCountsBySection()` of the comment store. */
export function sectionWithOpenComments<S extends SectionView>(
  section: S,
  open: ReadonlyMap<string, number>,
): SectionWithComments<S> {
  return { ...section, openComments: open.get(section.id) ?? 0 };
}

/** Adds `openComments` to every section of a report view. */
export function withOpenComments<R extends { sections: SectionView[] }>(
  report: R,
  open: ReadonlyMap<string, number>,
): R & { sections: SectionWithComments[] } {
  return {
    ...report,
    sections: report.sections.map((section) => sectionWithOpenComments(section, open)),
  };
}
