import type { ReactNode } from "react";

/** Props of {@link Field}. */
export interface FieldProps {
  label: ReactNode;
  /** Label beside the control rather than above it. */
  inline?: boolean;
  /** Further classes of the field. */
  className?: string;
  /** The control (input, select). */
  children: ReactNode;
}

/** A labelled form control: the label names the control inside it. */
export function Field({ label, inline, className, children }: FieldProps) {
  const classes = ["field", inline && "field--inline", className].filter(Boolean).join(" ");
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the children, inside the label
    <label className={classes}>
      <span className="field__label">{label}</span>
      {children}
    </label>
  );
}
