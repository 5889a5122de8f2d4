import { colourForName } from "@rapporteur/accounts/presence";
import type { SectionView, UserView, WorkflowAction } from "@rapporteur/api";
import { useEffect, useRef, useState } from "react";
import { apiRequest } from "../api/apiRequest";
import { errorMessage } from "../api/errorMessage";
import { Avatar } from "../layout/Avatar";
import { announce } from "../layout/announce";
import { ImportIntoSection } from "../transfer/ImportIntoSection";
import { ImportReview } from "../transfer/ImportReview";
import { ConfirmApprove } from "./ConfirmApprove";
import { LeadPicker } from "./LeadPicker";
import { StatusBadge } from "./StatusBadge";
import { STATUS_LABELS } from "./statusLabels";

/** Props of {@link WorkflowBar}. */
export interface WorkflowBarProps {
  section: SectionView;
  account: UserView;
  words: number;
  onUpdated: (section: SectionView) => void;
}

const ACTION_LABELS: Record<WorkflowAction, string> = {
  submit: "Send to review",
  approve: "Approve and lock",
  reopen: "Reopen",
};

/**
 * Under the section title: its status, its lead drafters, and the workflow buttons of the
 * user's role (send to review; approve and lock; reopen), lead assignment for editors, import.
 */
export function WorkflowBar({ section, account, words, onUpdated }: WorkflowBarProps) {
  const [pending, setPending] = useState<WorkflowAction | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [pickingLeads, setPickingLeads] = useState(false);
  const [confirmingApproval, setConfirmingApproval] = useState(false);
  const approveButton = useRef<HTMLButtonElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  const closeConfirmation = () => setConfirmingApproval(false);
  // Once the dialog is gone (the page is no longer inert), the focus goes back to the button.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirmingApproval) approveButton.current?.focus();
    wasConfirming.current = confirmingApproval;
  }, [confirmingApproval]);

  // The button pressed may be gone (Approve becomes Reopen): the focus stays in the bar, on the
  // next action, once the bar shows the new status.
  const refocus = useRef(false);
  useEffect(() => {
    void section.status;
    const bar = barRef.current;
    if (pending !== null || !refocus.current || !bar) return;
    refocus.current = false;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected && !bar.contains(active)) return;
    (bar.querySelector<HTMLElement>("button[data-action]:not(:disabled)") ?? bar).focus();
  }, [pending, section.status]);

  const run = async (action: WorkflowAction) => {
    setPending(action);
    setProblem(null);
    try {
      const updated = await apiRequest("sectionStatus", {
        params: { id: section.id },
        body: { action },
      });
      onUpdated(updated);
      announce(`“${updated.title}” is now ${STATUS_LABELS[updated.status]}.`, "status");
      refocus.current = true;
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setPending(null);
    }
  };

  const actions = section.allowedActions;
  const canImport = account.role !== "reviewer" && !section.readOnly;
  return (
    <div className="workflow" data-testid="workflow" ref={barRef} tabIndex={-1}>
      <div className="workflow__facts">
        <StatusBadge status={section.status} testId="section-status" />
        <div className="workflow__leads" data-testid="section-leads">
          <span className="workflow__label">Leads</span>
          {section.leads.length === 0 ? (
            <span className="workflow__none">none yet</span>
          ) : (
            <ul className="lead-list">
              {section.leads.map((lead) => (
                <li key={lead.id} className="lead-list__item">
                  <Avatar
                    name={lead.displayName || lead.username}
                    color={colourForName(lead.username)}
                    size="sm"
                  />
                  <span>{lead.displayName || lead.username}</span>
                </li>
              ))}
            </ul>
          )}
          {account.role === "editor" && (
            <button
              type="button"
              className="link-button"
              data-testid="edit-leads"
              onClick={() => setPickingLeads(true)}
            >
              {section.leads.length === 0 ? "Assign" : "Change"}
            </button>
          )}
        </div>
      </div>
      {
        <div className="workflow__actions">
          {canImport && <ImportIntoSection section={section} words={words} />}
          <ImportReview section={section} />
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              data-action={action}
              className={`button button--small${action === "approve" ? " button--primary" : ""}`}
              disabled={pending !== null}
              ref={action === "approve" ? approveButton : undefined}
              onClick={() =>
                action === "approve" ? setConfirmingApproval(true) : void run(action)
              }
            >
              {pending === action ? "Saving…" : ACTION_LABELS[action]}
            </button>
          ))}
        </div>
      }
      {problem && (
        <p className="workflow__error" role="alert" data-testid="workflow-error">
          {problem}
        </p>
      )}
      {confirmingApproval && (
        <ConfirmApprove
          sectionTitle={section.title}
          onClose={closeConfirmation}
          onConfirm={() => {
            closeConfirmation();
            void run("approve");
          }}
        />
      )}
      {pickingLeads && (
        <LeadPicker
          section={section}
          onClose={() => setPickingLeads(false)}
          onSaved={(updated) => {
            onUpdated(updated);
            setPickingLeads(false);
          }}
        />
      )}
    </div>
  );
}
