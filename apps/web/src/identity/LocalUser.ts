import type { UserView } from "@rapporteur/api";
import { colourForName } from "./colourForName";

/** The local user as others see them: on carets and in presence lists. */
export interface LocalUser {
  name: string;
  color: string;
}

/** Presence of a signed-in account: its display name, and a colour fixed by its username. */
export function localUserOf(account: UserView): LocalUser {
  return { name: account.displayName || account.username, color: colourForName(account.username) };
}
