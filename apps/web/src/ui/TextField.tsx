import type { InputHTMLAttributes, ReactNode } from "react";
import { Field } from "./Field";

/** Props of {@link TextField}: a text input's, with its label and a text-valued change. */
export interface TextFieldProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> {
  label: ReactNode;
  value: string;
  onText: (text: string) => void;
}

/** A labelled text (or password) input. */
export function TextField({ label, onText, ...input }: TextFieldProps) {
  return (
    <Field label={label}>
      <input {...input} onChange={(event) => onText(event.target.value)} />
    </Field>
  );
}
