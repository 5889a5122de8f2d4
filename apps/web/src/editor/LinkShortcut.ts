import { Extension } from "@tiptap/core";

/** Options of {@link LinkShortcut}. */
export interface LinkShortcutOptions {
  /** Opens the link dialog. */
  onRequest: () => void;
}

/** Ctrl/Cmd-K asks for a link target (the dialog lives in React). */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: "linkShortcut",

  addOptions() {
    return { onRequest: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.onRequest();
        return true;
      },
    };
  },
});
