import type { Source, SourceMetadataPatch, StakeholderGroup } from "@rapporteur/api";

/** The details form of a source as typed: text fields, lists separated by commas. */
export interface SourceDetailsForm {
  title: string;
  author: string;
  organisation: string;
  /** A stakeholder group, or "" for none. */
  group: StakeholderGroup | "";
  country: string;
  region: string;
  language: string;
  date: string;
  symbol: string;
  url: string;
  /** "C2, C7" */
  actionLines: string;
  /** "5, 9" */
  sdgs: string;
  tags: string;
}

const TEXT_FIELDS = [
  "author",
  "organisation",
  "country",
  "region",
  "language",
  "date",
  "symbol",
  "url",
] as const;

const list = (typed: string) =>
  typed
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** The form filled with what a source holds now. */
export function sourceDetailsForm(source: Source): SourceDetailsForm {
  return {
    title: source.title,
    author: source.author ?? "",
    organisation: source.organisation ?? "",
    group: source.group ?? "",
    country: source.country ?? "",
    region: source.region ?? "",
    language: source.language ?? "",
    date: source.date ?? "",
    symbol: source.symbol ?? "",
    url: source.url ?? "",
    actionLines: source.actionLines.join(", "),
    sdgs: source.sdgs.join(", "),
    tags: source.tags.join(", "),
  };
}

/**
 * What the form changes of `source`, as `PATCH /api/evidence/:id` takes it: only the fields that
 * differ (blank text as null, Action Lines upper-cased, SDGs as numbers: "SDG 5" or "5"); the
 * server validates and refuses what is wrong.
 */
export function sourcePatch(source: Source, form: SourceDetailsForm): SourceMetadataPatch {
  const patch: SourceMetadataPatch = {};
  if (form.title.trim() !== source.title) patch.title = form.title.trim();
  for (const field of TEXT_FIELDS) {
    const typed = form[field].trim() || null;
    if (typed !== source[field]) patch[field] = typed;
  }
  const group = form.group || null;
  if (group !== source.group) patch.group = group;
  const actionLines = list(form.actionLines).map((line) => line.toUpperCase());
  if (actionLines.join() !== source.actionLines.join()) patch.actionLines = actionLines;
  const sdgs = list(form.sdgs).map((sdg) => Number(sdg.replace(/^sdg\s*/i, "")));
  if (sdgs.join() !== source.sdgs.join()) patch.sdgs = sdgs;
  const tags = list(form.tags);
  if (tags.join() !== source.tags.join()) patch.tags = tags;
  return patch;
}
