import { randomBytes } from "node:crypto";
import type { AccountStore, Role } from "@rapporteur/accounts";

/** What the first start and the demo switch need (from the environment). */
export interface BootstrapOptions {
  /** `RAPPORTEUR_ADMIN_PASSWORD`; a password is generated (and printed once) when absent. */
  adminPassword?: string;
  /** `RAPPORTEUR_DEMO`: also seed a drafter and a reviewer. */
  demo: boolean;
  /** `RAPPORTEUR_DEMO_PASSWORD`. */
  demoPassword: string;
  /** Where the banners go (the console). */
  print(text: string): void;
}

/** Username of the editor created on first start. */
export const ADMIN_USERNAME = "admin";
/** Accounts the demo switch seeds, with their roles. */
export const DEMO_ACCOUNTS: readonly { username: string; role: Role; displayName: string }[] = [
  { username: "drafter", role: "drafter", displayName: "Demo Drafter" },
  { username: "reviewer", role: "reviewer", displayName: "Demo Reviewer" },
];

function banner(lines: string[]): string {
  const rule = "=".repeat(72);
  return ["", rule, ...lines.map((line) => `  ${line}`), rule, ""].join("\n");
}

/**
 * First start: when there are no accounts, creates the editor `admin` with the configured
 * password, or with a generated one printed this one time only. Demo mode (off unless asked for)
 * also creates the missing demo accounts and prints their password at every start; there `admin`
 * gets the demo password unless one was configured, so a newcomer can try all three roles.
 */
export async function bootstrapAccounts(
  accounts: AccountStore,
  options: BootstrapOptions,
): Promise<void> {
  if (accounts.count() === 0) {
    const password =
      options.adminPassword ??
      (options.demo ? options.demoPassword : randomBytes(15).toString("base64url"));
    await accounts.create({
      username: ADMIN_USERNAME,
      password,
      role: "editor",
      displayName: "Administrator",
    });
    if (!options.adminPassword && !options.demo) {
      options.print(
        banner([
          "First start: created the editor account",
          `  username: ${ADMIN_USERNAME}`,
          `  password: ${password}`,
          "This password is shown only this once. Sign in, then add the team under Users",
          "(and reset this password there). Set RAPPORTEUR_ADMIN_PASSWORD to choose it instead.",
        ]),
      );
    } else {
      options.print(`Created the editor account '${ADMIN_USERNAME}' (first start).`);
    }
  }
  if (!options.demo) return;
  for (const account of DEMO_ACCOUNTS) {
    if (accounts.findByUsername(account.username)) continue;
    await accounts.create({ ...account, password: options.demoPassword });
  }
  options.print(
    banner([
      "DEMO MODE (RAPPORTEUR_DEMO=1): for trying Rapporteur, never for real drafts.",
      `Accounts 'drafter' (drafter) and 'reviewer' (reviewer): password ${options.demoPassword}`,
      `'${ADMIN_USERNAME}' (editor): the same password, unless RAPPORTEUR_ADMIN_PASSWORD was set`,
      "when the data directory was first used.",
    ]),
  );
}
