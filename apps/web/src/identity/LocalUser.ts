import type { Account } from "../auth/accountTypes";
import { colourForName } from "./colourForName";

/** The local user as others see them: on carets and in presence lists. */
export interface LocalUser {
  /** The account's id: one person in several tabs is listed once. */
  id: string;
  name: string;
  color: string;
}

/** Presence of a signed-in account: its display name, and a colour fixed by its username. */
export function localUserOf(account: Account): LocalUser {
  return {
    id: String(account.id),
    name: account.displayName || account.username,
    color: colourForName(account.username),
  };
}
