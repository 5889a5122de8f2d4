import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { FIRST_REPORT_ID } from "@rapporteur/accounts";
import { NO_REPORT_ACCESS } from "../auth/CollabAccess";
import { readSessionToken } from "../auth/sessionCookie";
import { CloseCode } from "../collab/closeCodes";
import { COLLAB_PATH_PREFIX } from "../collab/parseCollabPath";
import type { Logger } from "../Logger";
import type { ReportWorkspaces } from "./ReportWorkspaces";

const SCOPED = new RegExp(`^${COLLAB_PATH_PREFIX}/([1-9][0-9]{0,9})(/[^?]*)(\\?.*)?$`);

/**
 * Where an upgrade goes: `/collab/<reportId>/<sectionId>` to that report,
 * `/collab/<sectionId>` to the first report. Returns the report and the target its
 * collaboration server reads (`/collab/<sectionId>`).
 */
export function collabTarget(url: string): { reportId: number; target: string } {
  const match = SCOPED.exec(url);
  if (!match) return { reportId: FIRST_REPORT_ID, target: url };
  return {
    reportId: Number(match[1]),
    target: `${COLLAB_PATH_PREFIX}${match[2]}${match[3] ?? ""}`,
  };
}

/**
 * Hands each WebSocket upgrade to its report's collaboration server. A user who is not a member
 * of the report, or a report that does not exist, gets the same answer: after the usual checks
 * (session, origin, host), the connection is closed with 4403 "No access to this report".
 */
export function collabDispatch(
  workspaces: ReportWorkspaces,
  logger: Logger,
): (request: IncomingMessage, socket: Duplex, head: Buffer) => void {
  const first = workspaces.first.collab;
  return (request, socket, head) => {
    const { reportId, target } = collabTarget(request.url ?? "/");
    if (reportId === FIRST_REPORT_ID && target === request.url) {
      first.handleUpgrade(request, socket, head);
      return;
    }
    const token = readSessionToken(request.headers.cookie);
    const user = token ? workspaces.first.deps.accounts.userForSession(token) : undefined;
    const opening =
      user && workspaces.roleIn(reportId, user) ? workspaces.open(reportId) : undefined;
    if (!opening) {
      // Without a session the first report's checks answer 401 before anything else.
      first.handleUpgrade(request, socket, head, {
        code: CloseCode.forbidden,
        reason: NO_REPORT_ACCESS,
      });
      return;
    }
    // What the client sends while the report opens waits in the socket (no reader yet).
    socket.on("error", () => socket.destroy());
    opening.then(
      (workspace) => {
        request.url = target;
        workspace.collab.handleUpgrade(request, socket, head);
      },
      (error) => {
        logger.error(`collab: could not open report ${reportId}`, error);
        socket.destroy();
      },
    );
  };
}
