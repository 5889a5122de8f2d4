import { initials } from "./initials";

/** A round badge with a person's initials in their presence colour. */
export function Avatar({
  name,
  color,
  size = "md",
}: {
  name: string;
  color: string;
  size?: "xs" | "sm" | "md";
}) {
  return (
    <span
      className={`avatar avatar--${size}`}
      style={{ backgroundColor: color }}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
