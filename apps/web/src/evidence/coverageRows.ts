import {
  type EvidenceCoverage,
  QUESTION_IDS,
  STAKEHOLDER_GROUPS,
  type StakeholderGroup,
} from "@rapporteur/api";
import { questionLabel, STAKEHOLDER_GROUP_LABELS } from "./evidenceLabels";

/** One row of a coverage table: how many submissions there are and how many the report cites. */
export interface CoverageRow {
  key: string;
  label: string;
  total: number;
  cited: number;
  /** `cited` of `total`, whole per cent (0 when `total` is 0). */
  percent: number;
}

/** The three coverage tables of the Coverage page. */
export interface CoverageTables {
  all: CoverageRow;
  byQuestion: CoverageRow[];
  byGroup: CoverageRow[];
  byRegion: CoverageRow[];
}

function row(key: string, label: string, total: number, cited: number): CoverageRow {
  return { key, label, total, cited, percent: total > 0 ? Math.round((cited / total) * 100) : 0 };
}

/** The server's key of submissions without a group or region. */
const UNSPECIFIED = "unspecified";

function otherLabel(key: string): string {
  return key === UNSPECIFIED ? "Not given" : key;
}

function byNameUnspecifiedLast(a: string, b: string): number {
  if ((a === UNSPECIFIED) !== (b === UNSPECIFIED)) return a === UNSPECIFIED ? 1 : -1;
  return a.localeCompare(b);
}

function isGroup(key: string): key is StakeholderGroup {
  return (STAKEHOLDER_GROUPS as readonly string[]).includes(key);
}

/**
 * The rows the Coverage page shows of `coverage`: every question in order; stakeholder groups
 * in their fixed order, then any other group the server counts; regions by most submissions
 * (then name), "unspecified" last.
 */
export function coverageRows(coverage: EvidenceCoverage): CoverageTables {
  const { submissions } = coverage;
  const byQuestion = QUESTION_IDS.map((id) => {
    const count = submissions.byQuestion[id] ?? { answered: 0, cited: 0 };
    return row(id, questionLabel(id), count.answered, count.cited);
  });
  const groupKeys = [
    ...STAKEHOLDER_GROUPS.filter((group) => group in submissions.byGroup),
    ...Object.keys(submissions.byGroup)
      .filter((key) => !isGroup(key))
      .sort(byNameUnspecifiedLast),
  ];
  const byGroup = groupKeys.map((key) => {
    const count = submissions.byGroup[key] ?? { total: 0, cited: 0 };
    const label = isGroup(key) ? STAKEHOLDER_GROUP_LABELS[key] : otherLabel(key);
    return row(key, label, count.total, count.cited);
  });
  const byRegion = Object.entries(submissions.byRegion)
    .sort(([a, countA], [b, countB]) => {
      if ((a === UNSPECIFIED) !== (b === UNSPECIFIED)) return a === UNSPECIFIED ? 1 : -1;
      return countB.total - countA.total || a.localeCompare(b);
    })
    .map(([key, count]) => row(key, otherLabel(key), count.total, count.cited));
  return {
    all: row("all", "All submissions", submissions.total, submissions.cited),
    byQuestion,
    byGroup,
    byRegion,
  };
}
