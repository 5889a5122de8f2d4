import type { User } from "@rapporteur/accounts";
import type { AdminUserView, UserView } from "@rapporteur/api";

export type { AdminUserView, UserView } from "@rapporteur/api";

/** The public fields of a user. */
export function userView(user: User): UserView {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/** The fields user management shows (never the password hash, which `User` does not carry). */
export function adminUserView(user: User): AdminUserView {
  return { ...userView(user), active: user.active, createdAt: user.createdAt };
}
