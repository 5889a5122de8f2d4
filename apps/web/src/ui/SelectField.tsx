import type { ReactNode, SelectHTMLAttributes } from "react";
import { Field } from "./Field";

/** One choice of a {@link SelectField}. */
export interface SelectOption {
  value: string;
  label: ReactNode;
}

/** Props of {@link SelectField}: a select's, with its label, its choices and a value-typed change. */
export interface SelectFieldProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "value" | "onChange" | "children"> {
  label: ReactNode;
  value: string;
  options: readonly SelectOption[];
  onValue: (value: string) => void;
}

/** A labelled drop-down list. */
export function SelectField({ label, options, onValue, className, ...select }: SelectFieldProps) {
  return (
    <Field label={label}>
      <select
        {...select}
        className={["select select--field", className].filter(Boolean).join(" ")}
        onChange={(event) => onValue(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
