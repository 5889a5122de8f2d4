import type { Role } from "@rapporteur/accounts/roles";

/** A user as every signed-in client may see them. */
export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** A user as the editors' user management sees them (`GET /api/users`). */
export interface AdminUserView extends UserView {
  active: boolean;
  createdAt: string;
}

/** Answer of `GET /api/auth/me` and `POST /api/auth/login`, and the `me` event. */
export interface MeAnswer {
  user: UserView;
  /** Whether the user may only read (reviewers). */
  readOnly: boolean;
  /** Whether the user may import files into the evidence library (editors and drafters). */
  mayImportEvidence: boolean;
  /**
   * Whether the user administers the instance: creates reports, manages accounts and the members
   * of every report (`GET /api/auth/me` only; the editors of the first report).
   */
  instanceAdmin?: boolean;
}
