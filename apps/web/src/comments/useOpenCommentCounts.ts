import type { ReportView } from "@rapporteur/api";
import { useEffect, useState } from "react";
import { subscribeToComments } from "./commentEvents";

/** Open threads per section id. */
export type OpenCommentCounts = Readonly<Record<string, number>>;

function countsOf(report: ReportView): OpenCommentCounts {
  const counts: Record<string, number> = {};
  for (const section of report.sections) {
    const open = (section as { openComments?: unknown }).openComments;
    if (typeof open === "number") counts[section.id] = open;
  }
  return counts;
}

/**
 * Open comment threads per section: from `/api/report` (`openComments`), then kept current by
 * the `comment` events, which carry the section's new count.
 */
export function useOpenCommentCounts(report: ReportView): OpenCommentCounts {
  const [counts, setCounts] = useState(() => countsOf(report));
  useEffect(() => setCounts(countsOf(report)), [report]);
  useEffect(
    () =>
      subscribeToComments((event) =>
        setCounts((previous) =>
          previous[event.sectionId] === event.openComments
            ? previous
            : { ...previous, [event.sectionId]: event.openComments },
        ),
      ),
    [],
  );
  return counts;
}
