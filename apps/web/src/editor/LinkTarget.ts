/**
 * What the link dialog acts on: the selection in the section's text, or the selection in a
 * footnote's text (its popover). The dialog validates the address; the target applies it.
 */
export interface LinkTarget {
  /** The current address when the selection is in a link, else "". */
  href: string;
  /** Where the link goes, for the dialog's title ("Insert link in footnote 2"). */
  place?: string;
  /** Puts a link to `href` (already validated) on the selection, or inserts the address. */
  apply: (href: string) => void;
  /** Removes the link around the selection. */
  remove: () => void;
  /** The dialog closed: give the caret back to where it was. */
  restoreFocus: () => void;
}
