import { type PresenceUser, presenceOf } from "@rapporteur/accounts/presence";
import type { UserView } from "@rapporteur/api";

/**
 * The local user as others see them: on carets and in presence lists. The server puts the same
 * values (its own, from the account) in every presence state this browser sends.
 */
export type LocalUser = PresenceUser;

/** Presence of a signed-in account: its display name, and a colour fixed by its username. */
export function localUserOf(account: UserView): LocalUser {
  return presenceOf(account);
}
