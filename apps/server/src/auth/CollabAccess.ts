import { type AccountStore, presenceOf, type User } from "@rapporteur/accounts";
import type { Role } from "@rapporteur/accounts/roles";
import type { SectionWorkflow, WorkflowStore } from "@rapporteur/workflow";
import type {
  AuthenticateContext,
  AuthenticateResult,
  CollabExtension,
} from "../collab/CollabExtension";
import { CollabRefusal } from "../collab/CollabRefusal";
import type { Connection } from "../collab/Connection";
import { CloseCode } from "../collab/closeCodes";
import type { AccountChange } from "./AccountEvents";
import type { SessionExpiry } from "./SessionExpiry";
import { sectionAccess } from "./sectionAccess";
import { readSessionToken } from "./sessionCookie";

/** Configuration of {@link CollabAccess}. */
export interface CollabAccessOptions {
  accounts: AccountStore;
  workflow: WorkflowStore;
  /** Open connections one account may hold at once (4429 beyond). */
  maxConnectionsPerUser: number;
  /**
   * How often the sessions of open connections are checked again, in ms: catches what another
   * process (the CLI) changed; expiry and changes made through this server apply at once.
   */
  revalidateMs: number;
  /** Ends connections at the expiry time of their session. */
  expiry: SessionExpiry;
  /**
   * The user's role in the report this server serves (undefined: not a member, refused 4403);
   * default: the account's role.
   */
  roleOf?: (userId: number) => Role | undefined;
}

/** Why a connection to a report its user is not a member of (or that does not exist) is refused. */
export const NO_REPORT_ACCESS = "No access to this report";

interface Session {
  user: User;
  token: string;
}

/** The presence the server gives a connection of `user`, whatever its client claims. */
function presenceIdentity(user: User): { account: string; user: Record<string, unknown> } {
  return { account: `user:${user.id}`, user: { ...presenceOf(user) } };
}

/**
 * Who may open and edit which section, for the collaboration server. A connection needs a valid
 * session cookie (4401 otherwise); it is read-only when the user's role and the section's status
 * say so. The decision is kept up to date on open connections: a lock, a new role, a
 * deactivation, a logout or an expired session applies at once, not at the next connection.
 * The presence (`user`: name and colour) of every connection is its account's.
 */
export class CollabAccess implements CollabExtension {
  readonly name = "access";
  readonly #options: CollabAccessOptions;
  readonly #open = new Map<Connection, Session>();
  readonly #timer: NodeJS.Timeout;

  constructor(options: CollabAccessOptions) {
    this.#options = options;
    this.#timer = setInterval(() => this.revalidateSessions(), options.revalidateMs);
    this.#timer.unref();
  }

  async onAuthenticate({
    request,
    documentName,
    connection,
  }: AuthenticateContext): Promise<AuthenticateResult> {
    const token = readSessionToken(request.headers.cookie);
    const user = token ? this.#options.accounts.userForSession(token) : undefined;
    if (!token || !user) {
      throw new CollabRefusal(CloseCode.unauthenticated, "Sign in first: no valid session");
    }
    let open = 0;
    for (const session of this.#open.values()) if (session.user.id === user.id) open++;
    if (open >= this.#options.maxConnectionsPerUser) {
      throw new CollabRefusal(
        CloseCode.rateLimited,
        `Too many open connections for ${user.username}: close some tabs`,
      );
    }
    this.#open.set(connection, { user, token });
    const unwatch = this.#options.expiry.watch(token);
    connection.onClose(() => {
      this.#open.delete(connection);
      unwatch();
    });
    const role = this.#roleOf(user);
    if (!role) throw new CollabRefusal(CloseCode.forbidden, NO_REPORT_ACCESS);
    connection.presence = presenceIdentity(user);
    const access = sectionAccess(role, this.#options.workflow.get(documentName).status);
    // Set here as well as returned: no change of status can slip in between.
    connection.setReadOnly(access.reason);
    return {
      readOnly: access.readOnly,
      readOnlyReason: access.reason ?? undefined,
      context: { user },
    };
  }

  /** A section's status changed: its open connections get the access of the new status. */
  sectionChanged(workflow: SectionWorkflow): void {
    for (const [connection, { user }] of this.#open) {
      if (connection.documentName !== workflow.sectionId) continue;
      const role = this.#roleOf(user);
      if (role) connection.setReadOnly(sectionAccess(role, workflow.status).reason);
    }
  }

  /** The membership of `userId` changed: their connections get the new role, or are closed. */
  membershipChanged(userId: number): void {
    for (const [connection, { user }] of this.#open) {
      if (user.id !== userId) continue;
      const role = this.#roleOf(user);
      if (!role) {
        connection.close(CloseCode.forbidden, NO_REPORT_ACCESS);
        continue;
      }
      const status = this.#options.workflow.get(connection.documentName).status;
      connection.setReadOnly(sectionAccess(role, status).reason);
    }
  }

  #roleOf(user: User): Role | undefined {
    return this.#options.roleOf ? this.#options.roleOf(user.id) : user.role;
  }

  /** An account changed: deactivated or signed-out users are disconnected, new roles apply. */
  accountChanged(change: AccountChange): void {
    for (const [connection, session] of this.#open) {
      switch (change.type) {
        case "user_changed": {
          if (session.user.id !== change.user.id) break;
          if (!change.user.active) {
            connection.close(CloseCode.unauthenticated, "Your account was deactivated");
            break;
          }
          session.user = change.user;
          // The new display name shows from the client's next presence change.
          connection.presence = presenceIdentity(change.user);
          const role = this.#roleOf(change.user);
          if (!role) {
            connection.close(CloseCode.forbidden, NO_REPORT_ACCESS);
            break;
          }
          const status = this.#options.workflow.get(connection.documentName).status;
          connection.setReadOnly(sectionAccess(role, status).reason);
          break;
        }
        case "sessions_ended":
          if (session.user.id === change.userId) {
            connection.close(CloseCode.unauthenticated, change.reason);
          }
          break;
        case "session_ended":
          if (session.token === change.token) {
            connection.close(CloseCode.unauthenticated, change.reason);
          }
          break;
      }
    }
  }

  /** Ends (4401) the connections whose session has expired or was ended meanwhile. */
  revalidateSessions(now = Date.now()): void {
    for (const [connection, { token }] of this.#open) {
      if (!this.#options.accounts.userForSession(token, now)) {
        connection.close(CloseCode.unauthenticated, "Your session has ended: sign in again");
      }
    }
  }

  /** Stops the periodic session check (shutdown). */
  stop(): void {
    clearInterval(this.#timer);
  }
}
