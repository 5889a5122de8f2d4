import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";

/** One entry of a {@link Menu}. */
export interface MenuItem {
  key: string;
  label: string;
  /** A second, quieter line (what the item does). */
  hint?: string;
  disabled?: boolean;
  /** Draws a line above the item, to group items. */
  separatorBefore?: boolean;
  onSelect: () => void;
}

/** Props of {@link Menu}. */
export interface MenuProps {
  /** Accessible name of the button (and of the menu). */
  label: string;
  /** The button is named by what it shows (its text holds the label): no `aria-label`. */
  namedByContent?: boolean;
  /** What the button shows. */
  button: ReactNode;
  buttonClassName?: string;
  /** Shown at the top of the open menu (who is signed in). */
  heading?: ReactNode;
  items: MenuItem[];
  align?: "start" | "end";
  testId?: string;
}

function enabledItems(list: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(
    list?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)") ?? [],
  );
}

/**
 * A button that opens a list of actions (ARIA menu button pattern): arrow keys move between the
 * items, Escape closes and returns focus to the button, a click elsewhere closes.
 */
export function Menu({
  label,
  namedByContent = false,
  button,
  buttonClassName = "button",
  heading,
  items,
  align = "end",
  testId,
}: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemButtons = () => enabledItems(listRef.current);

  useEffect(() => {
    if (!open) return;
    enabledItems(listRef.current)[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const buttons = itemButtons();
    const current = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    }
    if (event.key === "Tab") {
      setOpen(false);
      return;
    }
    if (event.key === "ArrowDown") next = (current + 1) % buttons.length;
    if (event.key === "ArrowUp") next = (current - 1 + buttons.length) % buttons.length;
    if (event.key === "Home") next = 0;
    if (event.key === "End") next = buttons.length - 1;
    if (next !== null) {
      event.preventDefault();
      buttons[next]?.focus();
    }
  };

  return (
    <div className="menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={namedByContent ? undefined : label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={testId}
        onClick={() => setOpen((was) => !was)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {button}
      </button>
      {open && (
        <div
          ref={listRef}
          id={menuId}
          className={`menu__list menu__list--${align}`}
          role="menu"
          aria-label={label}
          tabIndex={-1}
          onKeyDown={onKeyDown}
        >
          {heading && <div className="menu__heading">{heading}</div>}
          {items.map((item) => (
            <div key={item.key} role="none">
              {item.separatorBefore && <hr className="menu__separator" />}
              <button
                type="button"
                role="menuitem"
                className="menu__item"
                disabled={item.disabled}
                data-testid={`menu-${item.key}`}
                onClick={() => {
                  // Back on the button (the menu button pattern): a dialog the item opens
                  // returns the focus there when it closes.
                  close(true);
                  item.onSelect();
                }}
              >
                <span className="menu__label">{item.label}</span>
                {item.hint && <span className="menu__hint">{item.hint}</span>}
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
