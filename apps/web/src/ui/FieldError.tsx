/** Props of {@link FieldError}. */
export interface FieldErrorProps {
  /** The message; nothing is shown without one. */
  problem: string | null;
  id?: string;
  className?: string;
  testId?: string;
}

/** Why a form was refused, announced to screen readers. */
export function FieldError({ problem, id, className, testId }: FieldErrorProps) {
  if (!problem) return null;
  return (
    <p
      id={id}
      className={["field__error", className].filter(Boolean).join(" ")}
      role="alert"
      data-testid={testId}
    >
      {problem}
    </p>
  );
}
