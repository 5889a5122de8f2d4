import { apiHeaders, login } from "../support/serverProcess";
import type { BenchServer } from "./startBenchServer";

/** Connections given to one account: our server allows 50 per account (4429 beyond). */
export const CLIENTS_PER_USER = 40;
const PASSWORD = "benchmark-password";

/**
 * Upgrade headers for `clients` benchmark connections: on our server, drafter accounts created by
 * the signed-in editor (one per {@link CLIENTS_PER_USER} connections) and signed in, one session
 * cookie each; clients use them in turn. The reference has no accounts: one empty set.
 */
export async function signInBenchUsers(
  server: BenchServer,
  clients: number,
): Promise<Record<string, string>[]> {
  if (!server.cookie) return [{}];
  const users = Math.max(1, Math.ceil(clients / CLIENTS_PER_USER));
  const sessions: Record<string, string>[] = [];
  for (let i = 1; i <= users; i++) {
    const username = `bench-${i}`;
    const response = await fetch(`${server.httpUrl}/api/users`, {
      method: "POST",
      headers: apiHeaders(server.httpUrl, server.cookie),
      body: JSON.stringify({
        username,
        password: PASSWORD,
        role: "drafter",
        displayName: `Bench ${i}`,
      }),
    });
    if (!response.ok && response.status !== 409) {
      throw new Error(`creating ${username}: ${response.status} ${await response.text()}`);
    }
    sessions.push({ cookie: await login(server.httpUrl, username, PASSWORD) });
  }
  return sessions;
}
