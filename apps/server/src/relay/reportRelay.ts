import { FIRST_REPORT_ID } from "@rapporteur/accounts";
import type { DocumentRelay, RelayMessage } from "./DocumentRelay";

/** How a report's events travel: tagged with the report, so another report's streams skip them. */
interface ReportEvent {
  report: number;
  data: unknown;
}

function isReportEvent(value: unknown): value is ReportEvent {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as ReportEvent).report === "number" &&
    "data" in value
  );
}

/**
 * The instance's relay as one report's workspace uses it: the report's sections travel on
 * channels of their own (`<reportId>/<sectionId>`; the first report's keep their plain names, as
 * before reports existed) and its events are tagged with the report, so two reports whose outlines
 * share a section id never mix. Closing the view closes nothing: the instance owns the relay.
 */
export function reportRelay(relay: DocumentRelay, reportId: number): DocumentRelay {
  const prefix = reportId === FIRST_REPORT_ID ? "" : `${reportId}/`;
  const channel = (section: string) => `${prefix}${section}`;
  const own = (section: string): string | undefined => {
    if (prefix) return section.startsWith(prefix) ? section.slice(prefix.length) : undefined;
    // Section ids never hold "/", so a name with one belongs to another report.
    return section.includes("/") ? undefined : section;
  };
  const local = (message: RelayMessage): RelayMessage | undefined => {
    if (message.kind === "event") {
      if (!isReportEvent(message.data) || message.data.report !== reportId) return undefined;
      return { kind: "event", name: message.name, data: message.data.data };
    }
    const section = own(message.section);
    return section === undefined ? undefined : { ...message, section };
  };
  return {
    listen: (listener) =>
      relay.listen((message) => {
        const mine = local(message);
        if (mine) listener(mine);
      }),
    onReconnect: (listener) => relay.onReconnect(listener),
    publishUpdate: (section, update, seq) => relay.publishUpdate(channel(section), update, seq),
    publishAwareness: (section, update) => relay.publishAwareness(channel(section), update),
    queryAwareness: (section) => relay.queryAwareness(channel(section)),
    publishEvent: (name, data) =>
      relay.publishEvent(name, { report: reportId, data } satisfies ReportEvent),
    subscribe: (section) => relay.subscribe(channel(section)),
    unsubscribe: (section) => relay.unsubscribe(channel(section)),
    close: async () => {},
  };
}
