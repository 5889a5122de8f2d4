import type { Role, User } from "@rapporteur/accounts";

/** A user as every signed-in client may see them. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** A user as the editors' user management sees them. */
export interface AdminUserView extends UserView {
  active: boolean;
  createdAt: string;
}

/** The public fields of a user. */
export function userView(user: User): UserView {
  return { id: user.id, username: user.username, displayName: user.displayName, role: user.role };
}

/** The fields user management shows (never the password hash, which `User` does not carry). */
export function adminUserView(user: User): AdminUserView {
  return { ...userView(user), active: user.active, createdAt: user.createdAt };
}
