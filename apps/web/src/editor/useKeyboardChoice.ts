import { type ChangeEvent, type KeyboardEvent, useRef, useState } from "react";

// Keys with which a closed list box changes its choice (and fires `change`) without opening.
const CHOOSING_KEYS = new Set(["ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/**
 * A toolbar list box that acts on its choice: picked with the pointer, the choice applies at
 * once; from the keyboard, the arrow keys and typing only move the choice and Enter applies it,
 * so browsing the list never applies what is passed on the way. Returns the choice being browsed
 * (null: none, show the current value) and the select's handlers.
 */
export function useKeyboardChoice(apply: (value: string) => void) {
  const [choice, setChoice] = useState<string | null>(null);
  const byKeys = useRef(false);
  return {
    choice,
    handlers: {
      onKeyDown(event: KeyboardEvent<HTMLSelectElement>) {
        if (event.key === "Enter" && choice !== null) {
          event.preventDefault();
          setChoice(null);
          apply(choice);
        } else if (event.key === "Escape") {
          setChoice(null);
        } else if (CHOOSING_KEYS.has(event.key) || event.key.length === 1) {
          byKeys.current = true;
        }
      },
      onPointerDown() {
        byKeys.current = false;
      },
      onChange(event: ChangeEvent<HTMLSelectElement>) {
        const value = event.target.value;
        if (byKeys.current) {
          byKeys.current = false;
          setChoice(value);
        } else {
          setChoice(null);
          apply(value);
        }
      },
      onBlur() {
        setChoice(null);
      },
    },
  };
}
