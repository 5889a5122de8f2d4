import type { ReactNode } from "react";

/** Names of the toolbar icons. */
export type IconName =
  | "undo"
  | "redo"
  | "bold"
  | "italic"
  | "link"
  | "bulletList"
  | "orderedList"
  | "quote"
  | "table"
  | "footnote";

const paths: Record<IconName, ReactNode> = {
  undo: (
    <>
      <path d="M9 14 4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="m15 14 5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
    </>
  ),
  bold: (
    <>
      <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7z" />
      <path d="M7 12h7a3.5 3.5 0 0 1 0 7H7z" />
    </>
  ),
  italic: (
    <>
      <path d="M19 4h-9" />
      <path d="M14 20H5" />
      <path d="M15 4 9 20" />
    </>
  ),
  link: (
    <>
      <path d="M10 13a5 5 0 0 0 7.54.54l3-3a5 5 0 0 0-7.07-7.07l-1.72 1.71" />
      <path d="M14 11a5 5 0 0 0-7.54-.54l-3 3a5 5 0 0 0 7.07 7.07l1.71-1.71" />
    </>
  ),
  bulletList: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <circle cx="4.5" cy="6" r="1" />
      <circle cx="4.5" cy="12" r="1" />
      <circle cx="4.5" cy="18" r="1" />
    </>
  ),
  orderedList: (
    <>
      <path d="M10 6h10M10 12h10M10 18h10" />
      <path d="M4 4.5h1.2V9" />
      <path d="M3.8 9h2.8" />
      <path d="M6.6 19.5H3.8c0-1.2 2.8-1.8 2.8-3.3 0-.8-.6-1.4-1.4-1.4-.6 0-1.1.3-1.3.9" />
    </>
  ),
  quote: (
    <>
      <path d="M4 18c2.5-.6 4-2.4 4-5.5V7H4v5h3.5" />
      <path d="M13 18c2.5-.6 4-2.4 4-5.5V7h-4v5h3.5" />
    </>
  ),
  table: (
    <>
      <rect x="3.5" y="4.5" width="17" height="15" rx="1.5" />
      <path d="M3.5 9.5h17M3.5 14.5h17M9.5 4.5v15M14.5 4.5v15" />
    </>
  ),
  footnote: (
    <>
      <path d="m4 19 8-8M12 19l-8-8" />
      <path d="M20.5 12H16c0-1.6.5-2.1 1.7-2.7 1.2-.6 2.6-1.3 2.6-2.8a2.2 2.2 0 0 0-4.2-.9" />
    </>
  ),
};

/** A toolbar icon (decorative: the button carries the accessible name). */
export function Icon({ name }: { name: IconName }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
