/** Rapporteur's logo (an R on a rounded square), decorative: the name is written beside it. */
export function BrandMark({ size, className }: { size: number; className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="currentColor" />
      <path
        d="M11 24V8h7a5 5 0 0 1 0 10h-3l6 6"
        fill="none"
        stroke="#fff"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
