import type { AccountStore, Role, User } from "@rapporteur/accounts";
import type { LeadView, SectionEvent, SectionWorkflowView } from "@rapporteur/api";
import {
  allowedActions,
  isLocked,
  type SectionWorkflow,
  type WorkflowStore,
} from "@rapporteur/workflow";
import { sectionAccess } from "../auth/sectionAccess";

export type { SectionEvent } from "@rapporteur/api";

function displayNameOf(username: string | null, users: ReadonlyMap<number, User>): string | null {
  if (!username) return null;
  for (const user of users.values()) if (user.username === username) return user.displayName;
  return username;
}

function leadViews(ids: readonly number[], users: ReadonlyMap<number, User>): LeadView[] {
  return ids.flatMap((id) => {
    const user = users.get(id);
    return user ? [{ id: user.id, username: user.username, displayName: user.displayName }] : [];
  });
}

function usersById(accounts: AccountStore): Map<number, User> {
  return new Map(accounts.list().map((u) => [u.id, u]));
}

/**
 * The workflow of every section as a user with `role` sees it (status, lock, leads, whether they
 * may edit). Reads the stores once, so a whole report costs two queries.
 */
export function workflowViews(
  workflow: WorkflowStore,
  accounts: AccountStore,
  role: Role,
): (sectionId: string) => SectionWorkflowView {
  const stored = workflow.all();
  const users = usersById(accounts);
  return (sectionId) => {
    const state = stored.get(sectionId) ?? workflow.get(sectionId);
    return {
      status: state.status,
      locked: isLocked(state.status),
      leads: leadViews(state.leads, users),
      readOnly: sectionAccess(role, state.status).readOnly,
      allowedActions: allowedActions(role, state.status),
      updatedBy: displayNameOf(state.updatedBy, users),
    };
  };
}

/** The event pushed to every open stream when a section's workflow changes. */
export function sectionEvent(state: SectionWorkflow, accounts: AccountStore): SectionEvent {
  const users = usersById(accounts);
  return {
    sectionId: state.sectionId,
    status: state.status,
    locked: isLocked(state.status),
    leads: leadViews(state.leads, users),
    updatedBy: displayNameOf(state.updatedBy, users),
  };
}
