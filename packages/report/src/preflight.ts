import type { BudgetState, PreflightItem, SectionStatus } from "@rapporteur/api";
import { brokenCrossReferences, type DocJSON } from "@rapporteur/schema";

/** What the preflight knows of one section: its text, status, budget and open review. */
export interface PreflightSection {
  id: string;
  title: string;
  doc: DocJSON;
  status: SectionStatus;
  /** Words counted against the allocation. */
  counted: number;
  budget: number;
  state: BudgetState;
  /** Open comment threads without a suggestion, and open (pending) suggestions. */
  openThreads: number;
  openSuggestions: number;
  /** In a front-matter part (the Summary): its paragraphs and itself are no reference targets. */
  frontMatter?: boolean;
}

/** The report as the preflight checks it, in reading order. */
export interface PreflightInput {
  sections: PreflightSection[];
}

/** One check of the preflight: the findings it makes of the report (none: all is well). */
export type PreflightCheck = (input: PreflightInput) => PreflightItem[];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const hasText = (node: DocJSON): boolean =>
  (node.type === "text" && (node.text ?? "").trim().length > 0) ||
  (node.content ?? []).some(hasText);

const footnotes = (node: DocJSON): DocJSON[] =>
  node.type === "footnote" ? [node] : (node.content ?? []).flatMap(footnotes);

const notApproved: PreflightCheck = ({ sections }) =>
  sections
    .filter((s) => s.status !== "approved")
    .map((s) => ({
      kind: "not_approved",
      section: s.id,
      message: `“${s.title}” is ${s.status === "in_review" ? "in review" : "being drafted"}, not approved`,
    }));

const empty: PreflightCheck = ({ sections }) =>
  sections
    .filter((s) => !hasText(s.doc))
    .map((s) => ({
      kind: "empty",
      section: s.id,
      message: `“${s.title}” is empty: it would print as a bare heading`,
    }));

const allocation: PreflightCheck = ({ sections }) =>
  sections
    .filter((s) => s.state !== "on_track" && hasText(s.doc))
    .map((s) => ({
      kind: s.state === "over" ? "over_allocation" : "under_allocation",
      section: s.id,
      message: `“${s.title}” has ${plural(s.counted, "word")} against an allocation of ${s.budget}`,
    }));

const openReview: PreflightCheck = ({ sections }) =>
  sections.flatMap((s) => [
    ...(s.openThreads > 0
      ? [
          {
            kind: "open_threads",
            section: s.id,
            message: `“${s.title}” has ${plural(s.openThreads, "open comment thread")}`,
          },
        ]
      : []),
    ...(s.openSuggestions > 0
      ? [
          {
            kind: "open_suggestions",
            section: s.id,
            message: `“${s.title}” has ${plural(s.openSuggestions, "suggestion")} not accepted or rejected`,
          },
        ]
      : []),
  ]);

const emptyFootnotes: PreflightCheck = ({ sections }) =>
  sections.flatMap((s) => {
    const blank = footnotes(s.doc).filter((note) => !hasText(note)).length;
    return blank > 0
      ? [
          {
            kind: "empty_footnote",
            section: s.id,
            message: `“${s.title}” has ${plural(blank, "empty footnote")}`,
          },
        ]
      : [];
  });

const brokenReferences: PreflightCheck = ({ sections }) => {
  const titles = new Map(sections.map((s) => [s.id, s.title]));
  const broken = brokenCrossReferences(
    sections.map((s) => ({ id: s.id, label: s.title, doc: s.doc, frontMatter: s.frontMatter })),
  );
  const bySection = new Map<string, number>();
  for (const ref of broken) bySection.set(ref.section, (bySection.get(ref.section) ?? 0) + 1);
  return [...bySection].map(([section, count]) => ({
    kind: "broken_cross_reference",
    section,
    message: `“${titles.get(section)}” has ${plural(count, "cross-reference")} to a paragraph, table or box that is gone (printed “[missing reference]”)`,
  }));
};

/**
 * The checks of the preflight, in the order their findings are listed. A new check (broken
 * cross-references, ...) is one more function here.
 */
export const PREFLIGHT_CHECKS: readonly PreflightCheck[] = [
  notApproved,
  empty,
  allocation,
  openReview,
  emptyFootnotes,
  brokenReferences,
];

/**
 * What an editor should know before the final export: sections not approved, empty sections,
 * sections over or under their allocation, open threads and suggestions, empty footnotes,
 * cross-references whose target is gone.
 * Pure: the findings depend only on `input`.
 */
export function preflight(
  input: PreflightInput,
  checks: readonly PreflightCheck[] = PREFLIGHT_CHECKS,
): PreflightItem[] {
  return checks.flatMap((check) => check(input));
}
