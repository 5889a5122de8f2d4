import { DEFAULT_TIMETABLE_PATH } from "@rapporteur/budget";
import { DEFAULT_OUTLINE_PATH } from "@rapporteur/outline";
import { z } from "zod";
import { parsePublicOrigins } from "../auth/HostPolicy";

/** One configuration variable, as the README lists it. */
export interface EnvVariable {
  name: string;
  default: string;
  description: string;
}

const integer = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every environment variable the server reads, with its default and meaning (README table). */
export const ENV_VARIABLES: readonly EnvVariable[] = [
  {
    name: "PORT",
    default: "3000",
    description: "HTTP port of the app, API and collaboration server (0: any free port)",
  },
  {
    name: "HOST",
    default: "0.0.0.0",
    description: "Interface to listen on (127.0.0.1 for this machine only)",
  },
  {
    name: "RAPPORTEUR_DATA",
    default: "./data",
    description: "Data directory: the SQLite database and its lock",
  },
  {
    name: "RAPPORTEUR_OUTLINE",
    default: "content/outline.yaml",
    description:
      "Report outline file (parts, sections, budgets, guidance): seeds a new report only; afterwards the database's outline, which editors change in the app, is the truth",
  },
  {
    name: "RAPPORTEUR_WEB_DIST",
    default: "apps/web/dist",
    description: "Built web app served at /, when the folder exists",
  },
  {
    name: "RAPPORTEUR_IDLE_UNLOAD_MS",
    default: "30000",
    description:
      "Milliseconds a section without connections stays in memory before it is compacted and unloaded",
  },
  {
    name: "RAPPORTEUR_COMPACT_EVERY",
    default: "500",
    description: "Stored updates of a section after which they are compacted into one state",
  },
  {
    name: "RAPPORTEUR_HISTORY",
    default: "1",
    description:
      "0: updates are stored without their authors and time and compaction keeps no history checkpoints (measures the history's cost; history, compare and restore then show only older points)",
  },
  {
    name: "RAPPORTEUR_MAX_MESSAGE_BYTES",
    default: "10485760",
    description: "Largest collaboration message accepted (larger: close code 4413)",
  },
  {
    name: "RAPPORTEUR_MAX_SECTION_BYTES",
    default: "16777216",
    description:
      "Largest encoded Yjs state of one section (an edit that would take it beyond: close code 4413)",
  },
  {
    name: "RAPPORTEUR_MAX_MESSAGES_PER_SECOND",
    default: "200",
    description:
      "Average collaboration messages per second one connection may send (0: unlimited; beyond the burst: close code 4429)",
  },
  {
    name: "RAPPORTEUR_MESSAGE_BURST",
    default: "1000",
    description: "Collaboration messages one connection may send at once above that average",
  },
  {
    name: "RAPPORTEUR_AUTH_TIMEOUT_MS",
    default: "10000",
    description:
      "Milliseconds a client has to send its request headers (session cookie) and be authenticated (beyond: socket closed, or close code 4408)",
  },
  {
    name: "RAPPORTEUR_MAX_LOADED_DOCUMENTS",
    default: "100",
    description:
      "Sections held in memory at once: idle ones are compacted and unloaded first; when all are in use, close code 1013 (try again later)",
  },
  {
    name: "RAPPORTEUR_MAX_BUFFERED_BYTES",
    default: "16777216",
    description:
      "Bytes the server queues for a collaboration client that does not read them (beyond: close code 1013)",
  },
  {
    name: "RAPPORTEUR_MAX_CONNECTIONS_PER_USER",
    default: "50",
    description: "Collaboration connections one account may hold at once (beyond: close code 4429)",
  },
  {
    name: "RAPPORTEUR_MAX_BODY_BYTES",
    default: "1048576",
    description: "Largest HTTP request body accepted (larger: 413)",
  },
  {
    name: "RAPPORTEUR_MAX_IMPORT_BYTES",
    default: "15728640",
    description:
      "Largest file accepted by a section import (POST /api/sections/:id/import; larger: 413)",
  },
  {
    name: "RAPPORTEUR_IMPORT_TIMEOUT_MS",
    default: "10000",
    description:
      "Milliseconds an imported file may take to convert (in a worker thread) before it is stopped (422 import_too_complex)",
  },
  {
    name: "RAPPORTEUR_TIMETABLE",
    default: "content/timetable.yaml",
    description:
      "Drafting timetable file (milestones shown on the Budget page; editors may replace it)",
  },
  {
    name: "RAPPORTEUR_SESSION_TTL_HOURS",
    default: "12",
    description: "Hours a login session lasts before the user must sign in again",
  },
  {
    name: "RAPPORTEUR_ADMIN_PASSWORD",
    default: "",
    description:
      "Password of the editor 'admin' created on first start (no users yet); unset: a generated one is printed once",
  },
  {
    name: "RAPPORTEUR_DEMO",
    default: "0",
    description:
      "1: demo mode, also seeds the accounts 'drafter' and 'reviewer' (never on real data)",
  },
  {
    name: "RAPPORTEUR_DEMO_PASSWORD",
    default: "rapporteur-demo",
    description:
      "Password of the demo accounts (and of 'admin' in demo mode without RAPPORTEUR_ADMIN_PASSWORD)",
  },
  {
    name: "RAPPORTEUR_SECURE_COOKIES",
    default: "0",
    description:
      "1: session cookies are marked Secure and HSTS is sent (set it when served over HTTPS)",
  },
  {
    name: "RAPPORTEUR_TRUST_PROXY",
    default: "0",
    description:
      "Number of reverse proxies in front of the server whose X-Forwarded-For/-Host are believed (login limits, audit, CSRF)",
  },
  {
    name: "RAPPORTEUR_PUBLIC_ORIGIN",
    default: "",
    description:
      "Origin(s) the server is reached at, comma-separated (https://rapporteur.example.org): state-changing requests and WebSocket upgrades naming another Host or Origin get 403 host_rejected/csrf_rejected (DNS rebinding). Unset: only IP addresses, localhost and this machine's host name are accepted as Host",
  },
  {
    name: "RAPPORTEUR_REQUEST_TIMEOUT_MS",
    default: "60000",
    description:
      "Milliseconds a client has to send a whole HTTP request, headers and body (beyond: 408 and the socket closed); imports must upload within it",
  },
  {
    name: "RAPPORTEUR_MAX_UNAUTHENTICATED_PER_ADDRESS",
    default: "256",
    description:
      "Connections without a session one client address keeps (beyond: its oldest are cut after 1 s); signed-in connections are bounded per account instead",
  },
  {
    name: "RAPPORTEUR_MAX_UNAUTHENTICATED",
    default: "1024",
    description:
      "Connections without a session at once, all addresses (beyond: the oldest of the busiest address is cut, or 503 too_many_connections); keep it well below the open-file limit (ulimit -n)",
  },
];

const SECRETS = new Set(["RAPPORTEUR_ADMIN_PASSWORD", "RAPPORTEUR_DEMO_PASSWORD"]);
const flag = z.enum(["0", "1"]).transform((value) => value === "1");
const password = z.string().min(10, "must have at least 10 characters").max(1024);

const envSchema = z.object({
  PORT: integer(0, 65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  RAPPORTEUR_DATA: z.string().min(1).default("./data"),
  RAPPORTEUR_OUTLINE: z.string().min(1).default(DEFAULT_OUTLINE_PATH),
  RAPPORTEUR_WEB_DIST: z.string().min(1).optional(),
  RAPPORTEUR_IDLE_UNLOAD_MS: integer(0, 24 * 3_600_000).default(30_000),
  RAPPORTEUR_COMPACT_EVERY: integer(1, 1_000_000).default(500),
  RAPPORTEUR_HISTORY: flag.default(true),
  RAPPORTEUR_MAX_MESSAGE_BYTES: integer(1024, 1024 ** 3).default(10 * 1024 * 1024),
  RAPPORTEUR_MAX_SECTION_BYTES: integer(65_536, 1024 ** 3).default(16 * 1024 * 1024),
  RAPPORTEUR_MAX_BODY_BYTES: integer(1024, 1024 ** 3).default(1024 * 1024),
  RAPPORTEUR_MAX_IMPORT_BYTES: integer(1024, 1024 ** 3).default(15 * 1024 * 1024),
  RAPPORTEUR_IMPORT_TIMEOUT_MS: integer(100, 3_600_000).default(10_000),
  RAPPORTEUR_TIMETABLE: z.string().min(1).default(DEFAULT_TIMETABLE_PATH),
  RAPPORTEUR_MAX_MESSAGES_PER_SECOND: integer(0, 1_000_000).default(200),
  RAPPORTEUR_MESSAGE_BURST: integer(1, 10_000_000).default(1000),
  RAPPORTEUR_AUTH_TIMEOUT_MS: integer(100, 3_600_000).default(10_000),
  RAPPORTEUR_MAX_LOADED_DOCUMENTS: integer(1, 1_000_000).default(100),
  RAPPORTEUR_MAX_BUFFERED_BYTES: integer(65_536, 1024 ** 3).default(16 * 1024 * 1024),
  RAPPORTEUR_MAX_CONNECTIONS_PER_USER: integer(1, 10_000).default(50),
  RAPPORTEUR_SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  RAPPORTEUR_ADMIN_PASSWORD: password.optional(),
  RAPPORTEUR_DEMO: flag.default(false),
  RAPPORTEUR_DEMO_PASSWORD: password.default("rapporteur-demo"),
  RAPPORTEUR_SECURE_COOKIES: flag.default(false),
  RAPPORTEUR_TRUST_PROXY: integer(0, 10).default(0),
  RAPPORTEUR_PUBLIC_ORIGIN: z
    .string()
    .transform((value, context) => {
      try {
        return parsePublicOrigins(value);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    })
    .default([]),
  RAPPORTEUR_REQUEST_TIMEOUT_MS: integer(1_000, 24 * 3_600_000).default(60_000),
  RAPPORTEUR_MAX_UNAUTHENTICATED_PER_ADDRESS: integer(1, 1_000_000).default(256),
  RAPPORTEUR_MAX_UNAUTHENTICATED: integer(1, 1_000_000).default(1024),
});

/** The validated configuration of the server. */
export type ServerEnv = z.infer<typeof envSchema>;

/** Thrown by {@link loadEnv}; the message names every variable in error and what it must be. */
export class EnvError extends Error {
  override name = "EnvError";
}

/** Reads and validates the configuration; unset or empty variables take their defaults. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ServerEnv {
  const known = Object.fromEntries(
    ENV_VARIABLES.map((v) => [v.name, source[v.name]]).filter(
      ([, value]) => value !== undefined && value !== "",
    ),
  );
  const result = envSchema.safeParse(known);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    // Passwords never reach the console or logs, even wrong ones.
    const shown = SECRETS.has(name) ? "(hidden)" : JSON.stringify(known[name]);
    return `  ${name}=${shown}: ${issue.message}`;
  });
  throw new EnvError(
    `Invalid configuration:\n${problems.join("\n")}\nEvery variable is listed in the README.`,
  );
}
