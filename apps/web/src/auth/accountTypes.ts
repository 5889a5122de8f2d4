/** What a user may do: editors run the report, drafters write, reviewers read and comment. */
export type Role = "editor" | "drafter" | "reviewer";

/** The signed-in user, as `GET /api/auth/me` and `POST /api/auth/login` describe them. */
export interface Account {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

/** Answer of `GET /api/auth/me` and `POST /api/auth/login`. */
export interface MeAnswer {
  user: Account;
  readOnly: boolean;
}

/** How a role is shown to people. */
export const ROLE_LABELS: Record<Role, string> = {
  editor: "Editor",
  drafter: "Drafter",
  reviewer: "Reviewer",
};
