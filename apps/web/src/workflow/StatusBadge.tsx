import type { SectionStatus } from "@rapporteur/api";
import { LineIcon } from "../ui/LineIcon";
import { LockIcon } from "../ui/LockIcon";
import { STATUS_LABELS } from "./statusLabels";

function StatusIcon({ status }: { status: SectionStatus }) {
  // A padlock: approved sections are locked.
  if (status === "approved") return <LockIcon size={12} />;
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
  return <LineIcon d="m10.5 2.5 3 3L6 13H3v-3l7.5-7.5Z" size={12} join="round" />;
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
