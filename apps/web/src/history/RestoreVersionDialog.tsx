import type { VersionRestoreAnswer } from "@rapporteur/api";
import { type FormEvent, useId } from "react";
import { apiRequest } from "../api/apiRequest";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { useDialogRequest } from "../ui/useDialogRequest";
import type { ReportVersion } from "./historyTypes";

/** Props of {@link RestoreVersionDialog}. */
export interface RestoreVersionDialogProps {
  version: ReportVersion;
  onClose: () => void;
  /** Called once restored, with what people should read about it. */
  onRestored: (summary: string) => void;
}

/** The name of the version kept just before restoring `name` (restoring it undoes the restore). */
export function safetyVersionName(name: string): string {
  return `Before restoring “${name}”`.slice(0, 200);
}

/**
 * Asks an editor to confirm restoring the whole report to a named version. It first saves the
 * report as it is now as a version (restoring that one undoes the restore), then restores.
 */
export function RestoreVersionDialog({ version, onClose, onRestored }: RestoreVersionDialogProps) {
  const hintId = useId();
  const { busy, problem, send } = useDialogRequest(onClose);
  const safety = safetyVersionName(version.name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The safety version first: restoring it undoes the restore.
    send(async () => {
      const kept = await apiRequest("createVersion", { body: { name: safety } });
      const answer = await apiRequest("restoreVersion", { params: { id: version.id } });
      return restoreSummary(version.name, kept.name, answer);
    }, onRestored);
  };

  return (
    <ModalDialog
      title={`Restore the report to “${version.name}”`}
      className="restore-version-dialog"
      testId="restore-version-dialog"
      describedBy={hintId}
      onClose={() => {
        if (!busy) onClose();
      }}
      onSubmit={submit}
    >
      <div id={hintId} className="dialog-hint">
        <p>
          First the report as it is now is saved as the version “{safety}”: to undo, restore that
          one.
        </p>
        <p>
          Then every section that differs gets the version's text back, as a new change on top: the
          history keeps everything. Sections added since are archived, not deleted. The version's
          outline, budget and document settings come back too.
        </p>
      </div>
      <FieldError problem={problem} />
      <FormActions
        submitLabel="Restore the report"
        busyLabel="Restoring…"
        busy={busy}
        submitTestId="restore-version-confirm"
        onCancel={busy ? undefined : onClose}
      />
    </ModalDialog>
  );
}

/** What restoring `name` changed, for people. */
export function restoreSummary(name: string, safety: string, answer: VersionRestoreAnswer): string {
  const count = answer.restored.length;
  const parts = [
    `Restored the report to “${name}”: ${count} ${count === 1 ? "section" : "sections"} restored`,
  ];
  const settings = [
    answer.settings ? "budget settings" : null,
    answer.documentSettings ? "document settings" : null,
  ].filter(Boolean);
  if (settings.length > 0) parts.push(`${settings.join(" and ")} put back`);
  const { archived, restored, changed, moved } = answer.outline;
  const outline = [
    archived.length > 0 ? `${archived.length} archived` : null,
    restored.length > 0 ? `${restored.length} brought back from the archive` : null,
    changed.length > 0 ? `${changed.length} with title or settings changed` : null,
  ].filter(Boolean);
  if (outline.length > 0) parts.push(`sections in the outline: ${outline.join(", ")}`);
  if (moved) parts.push("the outline order put back");
  if (answer.outlineDiffers) parts.push("the version's outline could not be put back");
  return `${parts.join("; ")}. To undo, restore “${safety}”.`;
}
