/** One shortcut of the help dialog: Tiptap-style keys ("Mod-Alt-3") and what they do. */
export interface KeyboardShortcut {
  keys: string;
  action: string;
}

/** A titled group of {@link KeyboardShortcut}s. */
export interface ShortcutGroup {
  title: string;
  shortcuts: KeyboardShortcut[];
}

/** Every keyboard shortcut of the app, as the help dialog (Ctrl+/) lists them. */
export const KEYBOARD_SHORTCUTS: ShortcutGroup[] = [
  {
    title: "Anywhere",
    shortcuts: [
      { keys: "Mod-/", action: "Show these keyboard shortcuts" },
      { keys: "Tab", action: "Next control; Shift+Tab: previous" },
      { keys: "Escape", action: "Close a menu or dialog (the focus returns where it was)" },
      { keys: "Alt-Shift-o", action: "Go to the outline of the report" },
    ],
  },
  {
    title: "In the text",
    shortcuts: [
      { keys: "Alt-F10", action: "Go to the formatting toolbar (arrow keys move, Escape returns)" },
      { keys: "Mod-Alt-0", action: "Body text" },
      { keys: "Mod-Alt-3", action: "Sub-heading" },
      { keys: "Mod-Alt-4", action: "Minor heading" },
      { keys: "Mod-b", action: "Bold" },
      { keys: "Mod-i", action: "Italic" },
      { keys: "Mod-k", action: "Insert or edit a link" },
      { keys: "Mod-Shift-8", action: "Bulleted list" },
      { keys: "Mod-Shift-7", action: "Numbered list" },
      { keys: "Mod-Shift-b", action: "Block quote" },
      { keys: "Mod-Alt-f", action: "Insert a footnote (Escape returns to the text)" },
      { keys: "Mod-Alt-c", action: "Cite a source or one of its coded passages" },
      { keys: "Mod-Alt-m", action: "Comment on the selected text" },
      { keys: "Mod-z", action: "Undo" },
      { keys: "Mod-Shift-z", action: "Redo" },
      { keys: "Tab", action: "In a table: next cell; Shift+Tab: previous cell" },
      { keys: "Escape", action: "Leave the text: the next Tab goes to the comments" },
    ],
  },
  {
    title: "On the Outline page (editors)",
    shortcuts: [
      {
        keys: "Alt-ArrowUp",
        action: "Move the focused section up (at the top of a part: into the previous part)",
      },
      {
        keys: "Alt-ArrowDown",
        action: "Move the focused section down (at the end of a part: into the next part)",
      },
    ],
  },
  {
    title: "On a source of the evidence library (editors and drafters)",
    shortcuts: [{ keys: "Mod-Alt-c", action: "Code the selected passage" }],
  },
];
