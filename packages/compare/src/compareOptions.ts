import type { Attribution } from "./attribution";

/** Options of compareDocuments and compareReports. */
export interface CompareOptions {
  /**
   * Author and date of the changes. Default: author "Rapporteur", date the time of the call.
   */
  attribution?: Attribution;
  /** Section of the documents, passed to an attribution function. */
  sectionId?: string;
}
