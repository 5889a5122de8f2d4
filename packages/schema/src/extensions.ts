import type { AnyExtension } from "@tiptap/core";
import { Link } from "@tiptap/extension-link";
import { TableKit } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import { BlockAttributes } from "./blockAttributes";
import { Box } from "./box";
import { Citation } from "./citation";
import { CrossRef } from "./crossRef";
import { Footnote } from "./footnote";
import { isReportLink } from "./isReportLink";
import { LanguageMark } from "./languageMark";

/** Heading levels a drafter may use inside a section (the part is level 1, the section level 2). */
export const SUBHEADING_LEVELS = [3, 4] as const;

/**
 * The Tiptap extensions that define a section's document: the single source of truth for the
 * editor (web), the server (word counts, imports) and the exporters.
 *
 * Editor-only behaviour (collaboration, carets, placeholders) is added by the web app on top.
 */
export function reportExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Yjs owns undo history when collaborating.
      undoRedo: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      heading: { levels: [...SUBHEADING_LEVELS] },
      link: false,
    }),
    // A link ends where it ends: text typed right after it is not linked (Tiptap makes links
    // inclusive when autolink is on).
    Link.extend({ inclusive: () => false }).configure({
      openOnClick: false,
      autolink: true,
      isAllowedUri: isReportLink,
    }),
    TableKit.configure({ table: { resizable: false } }),
    Footnote,
    Box,
    CrossRef,
    Citation,
    LanguageMark,
    BlockAttributes,
  ];
}
