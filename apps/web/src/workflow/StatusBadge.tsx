import type { SectionStatus } from "@rapporteur/api";
import { STATUS_LABELS } from "./statusLabels";

function StatusIcon({ status }: { status: SectionStatus }) {
  if (status === "approved") {
    // A padlock: approved sections are locked.
    return (
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
        <path
          d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
    );
  }
  if (status === "in_review") {
    return (
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <path
          d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.5"
        />
        <circle cx="8" cy="8" r="2" fill="currentColor" />
      </svg>
    );
  }
  return (
    <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
      <path
        d="m10.5 2.5 3 3L6 13H3v-3l7.5-7.5Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A section's status as a small coloured badge with an icon (a padlock once approved). */
export function StatusBadge({
  status,
  compact = false,
  testId,
}: {
  status: SectionStatus;
  /** Icon only (the label stays for screen readers and as a tooltip). */
  compact?: boolean;
  testId?: string;
}) {
  const label = STATUS_LABELS[status];
  return (
    <span
      className={`status-badge status-badge--${status}${compact ? " status-badge--compact" : ""}`}
      title={compact ? label : undefined}
      data-testid={testId}
      data-status={status}
    >
      <StatusIcon status={status} />
      <span className={compact ? "visually-hidden" : undefined}>{label}</span>
    </span>
  );
}
