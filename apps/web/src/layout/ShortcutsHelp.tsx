import { useEffect, useRef, useState } from "react";
import { shortcutLabel } from "../editor/shortcutLabel";
import { Button } from "../ui/Button";
import { ModalDialog } from "../ui/ModalDialog";
import { KEYBOARD_SHORTCUTS } from "./keyboardShortcuts";

/** Ctrl+/ (⌘/ on Apple devices): the key that opens the help. */
function isHelpKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key === "/";
}

/**
 * The header's "Keyboard shortcuts" button and the dialog it opens (also with Ctrl+/ anywhere):
 * every shortcut of the app; closing it returns the focus to where it was.
 */
export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isHelpKey(event)) return;
      event.preventDefault();
      setOpen((was) => {
        if (!was) returnTo.current = document.activeElement as HTMLElement | null;
        return true;
      });
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  // Once the dialog is closed (the page is no longer inert), the focus goes back where it was.
  useEffect(() => {
    if (open || !returnTo.current) return;
    returnTo.current.focus();
    returnTo.current = null;
  }, [open]);
  const close = () => setOpen(false);

  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="Control+/"
        title={`Keyboard shortcuts (${shortcutLabel("Mod-/")})`}
        data-testid="shortcuts-button"
        onClick={(event) => {
          returnTo.current = event.currentTarget;
          setOpen(true);
        }}
      >
        <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
          <rect x="2" y="5" width="16" height="10" rx="2" fill="none" stroke="currentColor" />
          <path d="M5 8h1M8 8h1M11 8h1M14 8h1M6 12h8" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
      {open && <ShortcutsDialog onClose={close} />}
    </>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  return (
    <ModalDialog
      title="Keyboard shortcuts"
      onClose={onClose}
      className="shortcuts-dialog"
      testId="shortcuts-dialog"
      initialFocus={closeRef}
    >
      {KEYBOARD_SHORTCUTS.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className="shortcuts-dialog__group">{group.title}</h3>
          <dl className="shortcuts-dialog__list">
            {group.shortcuts.map((shortcut) => (
              <div key={`${shortcut.keys} ${shortcut.action}`}>
                <dt>
                  <kbd>{shortcutLabel(shortcut.keys)}</kbd>
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <Button variant="primary" ref={closeRef} onClick={onClose}>
          Close
        </Button>
      </div>
    </ModalDialog>
  );
}
