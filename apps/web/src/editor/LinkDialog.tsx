import { isReportLink } from "@rapporteur/schema";
import { type FormEvent, useState } from "react";
import { Button } from "../ui/Button";
import { FieldError } from "../ui/FieldError";
import { FormActions } from "../ui/FormActions";
import { ModalDialog } from "../ui/ModalDialog";
import { TextField } from "../ui/TextField";
import { safeLinkUrl } from "./safeLinkUrl";

/** Props of {@link LinkDialog}. */
export interface LinkDialogProps {
  /** The current target when editing an existing link. */
  initialHref: string;
  /** Where the link goes when not in the body text ("footnote 2"), for the title. */
  place?: string;
  onApply: (href: string) => void;
  onRemove?: () => void;
  onClose: () => void;
}

/** Asks for a link target; accepts only web (http, https) and e-mail (mailto) addresses. */
export function LinkDialog({ initialHref, place, onApply, onRemove, onClose }: LinkDialogProps) {
  const [value, setValue] = useState(initialHref);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const href = safeLinkUrl(value);
    if (!href || !isReportLink(href)) {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.trim())?.[1]?.toLowerCase();
      const refused = scheme && !["http", "https", "mailto"].includes(scheme);
      setProblem(
        `${refused ? `“${scheme}:” links are not allowed. ` : ""}Enter a web address (https://…) or an e-mail address.`,
      );
      return;
    }
    onApply(href);
  };

  return (
    <ModalDialog
      className="link-dialog"
      title={`${initialHref ? "Edit link" : "Insert link"}${place ? ` in ${place}` : ""}`}
      onClose={onClose}
      onSubmit={submit}
    >
      <TextField
        label="Address"
        data-testid="link-input"
        autoFocus
        type="text"
        inputMode="url"
        value={value}
        placeholder="https://unctad.org/…"
        aria-invalid={problem ? true : undefined}
        onText={(text) => {
          setValue(text);
          setProblem(null);
        }}
      />
      <FieldError problem={problem} />
      <FormActions submitLabel="Apply" submitTestId="link-submit" onCancel={onClose}>
        {onRemove && (
          <Button variant="danger" onClick={onRemove}>
            Remove link
          </Button>
        )}
        <span className="dialog-actions__spacer" />
      </FormActions>
    </ModalDialog>
  );
}
