/** Props of {@link LineIcon}. */
export interface LineIconProps {
  /** The path, drawn as a line in the text colour. */
  d: string;
  size: number;
  /** The side of the square the path is drawn in. */
  box?: number;
  strokeWidth?: number;
  cap?: "round";
  join?: "round";
  className?: string;
}

/** A decorative one-path line icon (hidden from screen readers: the text beside it speaks). */
export function LineIcon({
  d,
  size,
  box = 16,
  strokeWidth = 1.5,
  cap,
  join,
  className,
}: LineIconProps) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${box} ${box}`}
      width={size}
      height={size}
      aria-hidden="true"
    >
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap={cap}
        strokeLinejoin={join}
      />
    </svg>
  );
}
