import { useCallback, useMemo, useState } from "react";
import { colourForName } from "./colourForName";
import { readDisplayName, writeDisplayName } from "./displayNameStore";

/** The local user as others see them: on carets and in presence lists. */
export interface LocalUser {
  name: string;
  color: string;
}

/** The display name picked on first visit, its colour, and a setter that persists it. */
export function useDisplayName(): {
  user: LocalUser | null;
  setName: (name: string) => void;
} {
  const [name, setNameState] = useState<string | null>(() => readDisplayName());
  const setName = useCallback((next: string) => {
    writeDisplayName(next);
    setNameState(next);
  }, []);
  const user = useMemo(() => (name ? { name, color: colourForName(name) } : null), [name]);
  return { user, setName };
}
