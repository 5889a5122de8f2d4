/** Props of {@link PageError}. */
export interface PageErrorProps {
  /** The message; nothing is shown without one. */
  problem: string | null;
  testId?: string;
}

/** Why an admin page's last request failed, announced to screen readers. */
export function PageError({ problem, testId }: PageErrorProps) {
  if (!problem) return null;
  return (
    <p className="notice notice--error admin-notice" role="alert" data-testid={testId}>
      {problem}
    </p>
  );
}
