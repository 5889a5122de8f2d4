// Every route of the API table (new routes are covered without touching this file) given hostile
// input by an editor, so that role checks never hide validation: wrong types, missing fields,
// huge and malformed bodies, path traversal and SQL in ids, unknown ids. Each answer is a 4xx with
// `{ error: { id, message } }` (never a 500 or a stack trace), and nothing changes: the report,
// the users and the row count of every table are the same before and after. The audit log is left
// out of the comparison on purpose: it may record refused attempts (failed sign-ins).
import { request } from "node:http";
import { isReportRoute } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "../../apps/server/src/http/apiRouteTable";
import { tableRowCounts } from "../support/databaseSnapshot";
import type { ServerProcess } from "../support/serverProcess";
import { serverSuite } from "../support/serverSuite";

/** Ids that must never reach a file, a query or a record: traversal, SQL, unknown, absurd. */
const HOSTILE_IDS = [
  "..%2F..%2Fetc%2Fpasswd",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "..%5C..%5Cwindows",
  "%27%20OR%201%3D1%20--",
  "1%3B%20DROP%20TABLE%20users",
  "999999999",
  "-1",
  "0",
  "1e3",
  "no-such-thing",
  "%00",
  "x".repeat(5_000),
];

/** Bodies that are not a JSON object at all: refused before any route sees them. */
const NOT_JSON_OBJECTS: { label: string; body: string; contentType?: string }[] = [
  { label: "malformed JSON", body: '{"username": ' },
  { label: "JSON null", body: "null" },
  { label: "JSON number", body: "42" },
  { label: "JSON string", body: '"p1-access"' },
  { label: "JSON true", body: "true" },
  { label: "deeply nested", body: `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
  { label: "huge body", body: `{"text":"${"x".repeat(2 * 1024 * 1024)}"}` },
  {
    label: "form body",
    body: "username=admin&password=x",
    contentType: "application/x-www-form-urlencoded",
  },
];

const SQL = "' OR 1=1 --";
/** JSON objects with missing, unknown, wrongly typed or SQL-laden fields. */
const BAD_OBJECTS: { label: string; body: unknown }[] = [
  { label: "empty object", body: {} },
  { label: "empty array", body: [] },
  { label: "unknown field", body: { admin: true, constructor: { prototype: { role: "editor" } } } },
  {
    label: "wrong types",
    body: {
      username: 1,
      password: ["x"],
      role: { $ne: null },
      action: 5,
      leads: "1,2",
      text: 7,
      budget: "lots",
      targetRange: "1-2",
      milestones: 3,
      filename: {},
      contentBase64: 1,
      anchor: [],
    },
  },
  {
    label: "SQL in every field",
    body: {
      username: SQL,
      password: SQL,
      role: SQL,
      action: SQL,
      leads: [SQL],
      budget: SQL,
      targetRange: { min: SQL, max: SQL },
      milestones: [{ id: SQL, label: SQL, start: SQL, end: SQL }],
      filename: `../../${SQL}.docx`,
      contentBase64: SQL,
    },
  },
];

/** Routes that take no input at all: nothing hostile can be given to them but their method. */
// Routes that read no input: a well-formed JSON body is ignored (removing an absent emblem changes nothing).
const NO_INPUT = new Set(["logout", "deleteEmblem"]);

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** Sends a request with the exact path given (no URL normalisation, unlike fetch). */
function send(
  server: ServerProcess,
  cookie: string,
  method: string,
  path: string,
  body?: string,
  contentType = "application/json",
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        method: method.toUpperCase(),
        path,
        headers: {
          cookie,
          origin: server.url,
          // Explicit: Node sends no length for a DELETE body by itself.
          ...(body === undefined
            ? {}
            : { "content-type": contentType, "content-length": Buffer.byteLength(body) }),
        },
      },
      (response) => {
        answered = true;
        const contentType = String(response.headers["content-type"] ?? "");
        // Event streams never end: the status and type are the answer.
        if (contentType.startsWith("text/event-stream")) {
          response.destroy();
          resolve({ status: response.statusCode ?? 0, contentType, text: "" });
          return;
        }
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () => resolve({ status: response.statusCode ?? 0, contentType, text }));
        response.on("error", reject);
      },
    );
    req.setTimeout(20_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    req.on("error", (error) => {
      // A server may stop reading a body it refused once it has answered.
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EPIPE" || code === "ECONNRESET") {
        if (answered) return;
        resolve({ status: 0, contentType: "", text: `connection cut: ${code}` });
        return;
      }
      reject(error);
    });
    req.end(body);
  });
}

describe("hostile input on every API route", () => {
  const suite = serverSuite({ roles: ["editor"] });

  async function snapshot() {
    const report = await suite.api("editor", "GET", "/report");
    const users = await suite.api("editor", "GET", "/users");
    // Still signed in: a refusal for want of a session would hide the validation under test.
    expect([report.status, users.status]).toEqual([200, 200]);
    const { audit_log: _audit, ...rows } = tableRowCounts(suite.server.dataDir);
    return { report: report.body, users: users.body, rows };
  }

  it("answers a clear 4xx and changes nothing", async () => {
    const before = await snapshot();
    const problems: string[] = [];
    let cases = 0;
    const check = (label: string, answer: Answer, mustRefuse: boolean) => {
      cases++;
      if (answer.status === 0) problems.push(`${label}: no answer (${answer.text})`);
      if (answer.status >= 500) problems.push(`${label}: ${answer.status} ${answer.text}`);
      if (/\bat .+\.(ts|js):\d+|node_modules|Error: /.test(answer.text)) {
        problems.push(`${label}: internals in the answer: ${answer.text.slice(0, 200)}`);
      }
      if (answer.status >= 400) {
        let body: { error?: { id?: unknown; message?: unknown } } | undefined;
        try {
          body = JSON.parse(answer.text);
        } catch {
          body = undefined;
        }
        if (typeof body?.error?.id !== "string" || typeof body.error.message !== "string") {
          problems.push(
            `${label}: ${answer.status} without a JSON error: ${answer.text.slice(0, 100)}`,
          );
        }
      } else if (mustRefuse) {
        problems.push(`${label}: accepted (${answer.status}) ${answer.text.slice(0, 100)}`);
      }
    };

    const routes = Object.entries(API_ROUTES);
    for (const [name, route] of routes) {
      const params = route.path.match(/:\w+/g) ?? [];
      const withBody = route.method !== "get";
      const fill = (id: string) => `/api${route.path.replace(/:\w+/g, id)}`;

      // Hostile ids in every parameter, with a body that is wrong as well.
      for (const id of params.length > 0 ? HOSTILE_IDS : []) {
        for (const bad of withBody ? BAD_OBJECTS : [{ label: "no body", body: undefined }]) {
          const body = bad.body === undefined ? undefined : JSON.stringify(bad.body);
          const answer = await send(
            suite.server,
            suite.cookies.editor,
            route.method,
            fill(id),
            body,
          );
          check(`${name} ${route.method} id=${id.slice(0, 30)} ${bad.label}`, answer, true);
        }
      }
      // A report's routes are served below /api/reports/<id> too: hostile report ids are refused
      // (404 report_not_found), and hostile parameters inside the first report as above.
      if (isReportRoute(name as keyof typeof API_ROUTES)) {
        const body = withBody ? JSON.stringify(BAD_OBJECTS[3]?.body) : undefined;
        for (const reportId of HOSTILE_IDS) {
          const path = `/api/reports/${reportId}${route.path.replace(/:\w+/g, "p1-access")}`;
          const answer = await send(suite.server, suite.cookies.editor, route.method, path, body);
          check(`${name} ${route.method} report=${reportId.slice(0, 30)}`, answer, true);
        }
        for (const id of params.length > 0 ? HOSTILE_IDS : []) {
          const path = `/api/reports/1${route.path.replace(/:\w+/g, id)}`;
          const answer = await send(suite.server, suite.cookies.editor, route.method, path, body);
          check(`${name} ${route.method} /reports/1 id=${id.slice(0, 30)}`, answer, true);
        }
      }
      if (withBody) {
        const path = fill("p1-access");
        for (const bad of NOT_JSON_OBJECTS) {
          // A route without input takes any JSON body (a nested array too) and does its work.
          if (NO_INPUT.has(name) && bad.label === "deeply nested") continue;
          const answer = await send(
            suite.server,
            suite.cookies.editor,
            route.method,
            path,
            bad.body,
            bad.contentType,
          );
          check(`${name} ${route.method} ${bad.label}`, answer, true);
        }
        // Wrongly typed, missing or SQL-laden fields on routes whose input is the body.
        if (params.length === 0 && !NO_INPUT.has(name)) {
          for (const bad of BAD_OBJECTS) {
            const answer = await send(
              suite.server,
              suite.cookies.editor,
              route.method,
              path,
              JSON.stringify(bad.body),
            );
            check(`${name} ${route.method} ${bad.label}`, answer, true);
          }
        }
      } else {
        // Query strings are read only by the routes that document them: hostile values are
        // refused (4xx) or ignored (2xx), never a failure.
        const query = `?limit=${encodeURIComponent(SQL)}&before=-1&action=..%2F..&format=..%2F..%2Fetc%2Fpasswd&section=${encodeURIComponent(SQL)}&variant=%00`;
        const path = `${fill("p1-access")}${query}`;
        check(
          `${name} GET hostile query`,
          await send(suite.server, suite.cookies.editor, "get", path),
          false,
        );
      }
    }

    const after = await snapshot();
    expect(problems.slice(0, 20), suite.server.output().slice(-3000)).toEqual([]);
    expect(after.rows).toEqual(before.rows);
    expect(after.users).toEqual(before.users);
    expect(after.report).toEqual(before.report);
    expect(suite.server.child.exitCode).toBeNull();
    console.log(`RELIABILITY: httpInput routes=${routes.length} cases=${cases} failures=0`);
  }, 300_000);
});
