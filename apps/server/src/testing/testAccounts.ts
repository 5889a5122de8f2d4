import type { Role } from "@rapporteur/accounts";

/**
 * The accounts of every test server, in-process ({@link startTestServer}) or child process
 * (`startServerProcess`, which creates them through RAPPORTEUR_ADMIN_PASSWORD and demo mode):
 *
 * | username   | role     | password              |
 * |------------|----------|-----------------------|
 * | `admin`    | editor   | `test-admin-password` |
 * | `drafter`  | drafter  | `test-demo-password`  |
 * | `reviewer` | reviewer | `test-demo-password`  |
 */
export const TEST_ACCOUNTS = {
  editor: { username: "admin", password: "test-admin-password" },
  drafter: { username: "drafter", password: "test-demo-password" },
  reviewer: { username: "reviewer", password: "test-demo-password" },
} as const satisfies Record<Role, { username: string; password: string }>;
