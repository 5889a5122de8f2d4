import type { ReactNode } from "react";

/** Props of {@link Checkbox}. */
export interface CheckboxProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** The label's class. */
  className?: string;
  testId?: string;
  /** The label's text (and anything shown beside it). */
  children: ReactNode;
}

/** A checkbox inside its label. */
export function Checkbox({ checked, onChange, className, testId, children }: CheckboxProps) {
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      {children}
    </label>
  );
}
