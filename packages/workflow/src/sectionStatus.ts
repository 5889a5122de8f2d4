import type { Role } from "@rapporteur/accounts/roles";

/** Where a section is in the review cycle: Drafting -> In review -> Approved. */
export type SectionStatus = "drafting" | "in_review" | "approved";

/** What someone can do to a section's status, in the order the UI offers them. */
export const WORKFLOW_ACTIONS = ["submit", "approve", "reopen"] as const;

/** What someone can do to a section's status. */
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/** Thrown when a transition is not allowed; `id` is stable for API clients. */
export class WorkflowError extends Error {
  override name = "WorkflowError";
  constructor(
    readonly id: "transition_not_allowed" | "role_not_allowed",
    message: string,
  ) {
    super(message);
  }
}

const TRANSITIONS: Record<
  WorkflowAction,
  { from: SectionStatus[]; to: SectionStatus; roles: Role[] }
> = {
  submit: { from: ["drafting"], to: "in_review", roles: ["drafter", "editor"] },
  approve: { from: ["in_review", "drafting"], to: "approved", roles: ["editor"] },
  reopen: { from: ["in_review", "approved"], to: "drafting", roles: ["editor"] },
};

/** The status after `action`, or a {@link WorkflowError} saying why it is not allowed. */
export function nextStatus(
  current: SectionStatus,
  action: WorkflowAction,
  role: Role,
): SectionStatus {
  const rule = TRANSITIONS[action];
  if (!rule.roles.includes(role)) {
    throw new WorkflowError("role_not_allowed", `A ${role} cannot ${action} a section.`);
  }
  if (!rule.from.includes(current)) {
    throw new WorkflowError(
      "transition_not_allowed",
      `A section that is ${current.replace("_", " ")} cannot be sent to '${action}'.`,
    );
  }
  return rule.to;
}

/** The actions a user with `role` may take on a section in `status` (what the API offers). */
export function allowedActions(role: Role, status: SectionStatus): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const rule = TRANSITIONS[action];
    return rule.roles.includes(role) && rule.from.includes(status);
  });
}

/** An approved section is locked: read-only to everyone but editors. */
export function isLocked(status: SectionStatus): boolean {
  return status === "approved";
}

/** Whether a user with `role` may change the text of a section in `status` (server-enforced). */
export function canEditText(role: Role, status: SectionStatus): boolean {
  if (role === "editor") return true;
  if (role === "drafter") return !isLocked(status);
  return false;
}
