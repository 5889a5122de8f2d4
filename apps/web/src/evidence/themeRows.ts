import {
  type ActionLineCount,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
  type ThemePhrase,
} from "@rapporteur/api";
import { STAKEHOLDER_GROUP_LABELS } from "./evidenceLabels";

/** One bar of the key phrases chart. */
export interface PhraseBar {
  phrase: string;
  submissions: number;
  /** Bar length: `submissions` of the longest bar's, whole per cent. */
  percent: number;
  /** The submissions by stakeholder group, as text ("Government 3, Academia 1"). */
  byGroup: string;
}

/** One bar of the Action Lines chart. */
export interface ActionLineBar {
  id: string;
  title: string;
  submissions: number;
  percent: number;
  underCovered: boolean;
  /** Where the count comes from, as text ("2 coded, 1 by metadata, 5 by keywords"). */
  sources: string;
}

/** The Action Lines chart: its bars and which lines count as under-covered. */
export interface ActionLineChart {
  bars: ActionLineBar[];
  /** A line addressed by fewer submissions than this is under-covered (at least 1). */
  threshold: number;
  underCovered: string[];
}

/** Share of the most-addressed Action Line's count under which a line is under-covered. */
export const UNDER_COVERED_SHARE = 0.25;

function percentOf(value: number, max: number): number {
  return max > 0 ? Math.round((value / max) * 100) : 0;
}

function isGroup(key: string): key is StakeholderGroup {
  return (STAKEHOLDER_GROUPS as readonly string[]).includes(key);
}

function groupLabel(key: string): string {
  if (isGroup(key)) return STAKEHOLDER_GROUP_LABELS[key];
  return key === "unspecified" ? "Not given" : key;
}

/** The server's groups in their fixed order, then any other group, "unspecified" last. */
function groupOrder(key: string): number {
  if (isGroup(key)) return STAKEHOLDER_GROUPS.indexOf(key);
  return key === "unspecified" ? STAKEHOLDER_GROUPS.length + 1 : STAKEHOLDER_GROUPS.length;
}

/** The bars of the key phrases chart, in the server's order (most submissions first). */
export function phraseBars(phrases: readonly ThemePhrase[]): PhraseBar[] {
  const max = Math.max(0, ...phrases.map((phrase) => phrase.submissions));
  return phrases.map((phrase) => ({
    phrase: phrase.phrase,
    submissions: phrase.submissions,
    percent: percentOf(phrase.submissions, max),
    byGroup: Object.entries(phrase.byGroup)
      .filter(([, count]) => count > 0)
      .sort(([a], [b]) => groupOrder(a) - groupOrder(b) || a.localeCompare(b))
      .map(([key, count]) => `${groupLabel(key)} ${count}`)
      .join(", "),
  }));
}

/**
 * The Action Lines chart: C1..C11 in order; a line is under-covered when fewer submissions
 * address it than a quarter of the most-addressed line's (and always when none does).
 */
export function actionLineChart(lines: readonly ActionLineCount[]): ActionLineChart {
  const max = Math.max(0, ...lines.map((line) => line.submissions));
  const threshold = Math.max(1, Math.ceil(max * UNDER_COVERED_SHARE));
  const bars = lines.map((line) => ({
    id: line.id,
    title: line.title,
    submissions: line.submissions,
    percent: percentOf(line.submissions, max),
    underCovered: line.submissions < threshold,
    sources: [
      `${line.fromCodes} coded`,
      `${line.fromMetadata} by metadata`,
      `${line.fromRules} by keywords`,
    ].join(", "),
  }));
  return {
    bars,
    threshold,
    underCovered: bars.filter((bar) => bar.underCovered).map((bar) => bar.id),
  };
}

/** Keywords typed in a field, one per comma or line: trimmed, empty ones and repeats dropped. */
export function keywordsOf(text: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const part of text.split(/[,;\n，、；]/)) {
    const keyword = part.trim().replace(/\s+/g, " ");
    const key = keyword.toLowerCase();
    if (!keyword || seen.has(key)) continue;
    seen.add(key);
    keywords.push(keyword);
  }
  return keywords;
}
