import type { AccountStore, AuditLog } from "@rapporteur/accounts";
import type { Outline } from "@rapporteur/outline";
import type { WorkflowStore } from "@rapporteur/workflow";
import type { AccountEvents } from "../auth/AccountEvents";
import type { LoginGuard } from "../auth/LoginGuard";
import type { WordCounts } from "../report/WordCounts";
import type { EventStreams } from "./EventStreams";

/** What the API routes read and change. */
export interface ApiDependencies {
  outline: Outline;
  counts: WordCounts;
  events: EventStreams;
  accounts: AccountStore;
  audit: AuditLog;
  workflow: WorkflowStore;
  accountEvents: AccountEvents;
  loginGuard: LoginGuard;
  /** Lifetime of a session, in ms (cookie Max-Age and server-side expiry). */
  sessionTtlMs: number;
  /** Mark the session cookie Secure (served over HTTPS). */
  secureCookies: boolean;
  maxBodyBytes: number;
}
