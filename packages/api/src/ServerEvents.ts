import type { CommentThread } from "@rapporteur/comments/thread";
import type { DocumentCount } from "@rapporteur/wordcount";
import type { BudgetEvent } from "./BudgetView";
import type { DocumentSettingsView } from "./DocumentSettingsView";
import type { ReportNumberingView } from "./NumberingView";
import type { OutlineEvent } from "./OutlineView";
import type { SectionWorkflowFacts } from "./ReportView";
import type { MeAnswer } from "./UserView";

/** The `wordcount` event: one section's count changed. */
export interface WordCountEvent extends DocumentCount {
  sectionId: string;
}

/** The `section` event: a section's status, lock or leads changed. */
export interface SectionEvent extends SectionWorkflowFacts {
  sectionId: string;
}

/** The `comment` event: one thread changed, was created or was deleted. */
export interface CommentEvent {
  sectionId: string;
  threadId: number;
  /** The thread after the change, with its replies; null when `deleted`. */
  thread: CommentThread | null;
  deleted: boolean;
  /** Open threads of the section now (for the outline's counts). */
  openComments: number;
}

/**
 * Every message of the Server-Sent Events stream `GET /api/events`, by event name. `me` goes only
 * to the streams of the user it describes (their role or name changed).
 */
export interface ServerEvents {
  wordcount: WordCountEvent;
  section: SectionEvent;
  budget: BudgetEvent;
  comment: CommentEvent;
  me: MeAnswer;
  /** The document settings changed (masthead lines, date, job number, emblem). */
  settings: DocumentSettingsView;
  /** The report's numbering changed (a number or label the exports print moved). */
  numbering: ReportNumberingView;
  /** The outline's structure changed: refetch `GET /api/report`. */
  outline: OutlineEvent;
}

/** The name of an event of `GET /api/events`. */
export type ServerEventName = keyof ServerEvents;
