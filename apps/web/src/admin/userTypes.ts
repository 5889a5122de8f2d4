import type { Account } from "../auth/accountTypes";

/** A user as the editors' user management sees them (`GET /api/users`). */
export interface ManagedUser extends Account {
  active: boolean;
  createdAt: string;
}
