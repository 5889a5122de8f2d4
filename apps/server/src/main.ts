// Starts Rapporteur: `node --import tsx apps/server/src/main.ts` (what `npm start` runs).
import { resolve } from "node:path";
import { AccountStore } from "@rapporteur/accounts";
import { loadTimetable } from "@rapporteur/budget";
import { loadOutline } from "@rapporteur/outline";
import { acquireDataLock, SqliteStore } from "@rapporteur/storage";
import { bootstrapAccounts } from "./auth/bootstrapAccounts";
import { createRapporteurServer } from "./createRapporteurServer";
import { EnvError, loadEnv } from "./http/env";
import { consoleLogger } from "./Logger";

function fail(message: string): never {
  console.error(`Rapporteur cannot start: ${message}`);
  process.exit(1);
}

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  fail(error instanceof EnvError ? error.message : String(error));
}

let outline: ReturnType<typeof loadOutline>;
try {
  outline = loadOutline(env.RAPPORTEUR_OUTLINE);
} catch (error) {
  fail((error as Error).message);
}

let timetable: ReturnType<typeof loadTimetable>;
try {
  timetable = loadTimetable(env.RAPPORTEUR_TIMETABLE);
} catch (error) {
  fail((error as Error).message);
}

const dataDir = resolve(env.RAPPORTEUR_DATA);
let lock: ReturnType<typeof acquireDataLock>;
try {
  lock = acquireDataLock(dataDir, "server");
} catch (error) {
  fail((error as Error).message);
}

let store: SqliteStore;
try {
  store = SqliteStore.open(dataDir, { appendInWorker: true });
} catch (error) {
  lock.release();
  fail(`could not open the database in ${dataDir}: ${(error as Error).message}`);
}

try {
  await bootstrapAccounts(new AccountStore(store.database), {
    adminPassword: env.RAPPORTEUR_ADMIN_PASSWORD,
    demo: env.RAPPORTEUR_DEMO,
    demoPassword: env.RAPPORTEUR_DEMO_PASSWORD,
    print: (text) => console.log(text),
  });
} catch (error) {
  await store.close();
  lock.release();
  fail(`could not create the first accounts: ${(error as Error).message}`);
}

const server = await createRapporteurServer({
  outline,
  store,
  database: store.database,
  sessionTtlMs: env.RAPPORTEUR_SESSION_TTL_HOURS * 3_600_000,
  secureCookies: env.RAPPORTEUR_SECURE_COOKIES,
  trustProxy: env.RAPPORTEUR_TRUST_PROXY,
  webDist: env.RAPPORTEUR_WEB_DIST ? resolve(env.RAPPORTEUR_WEB_DIST) : undefined,
  idleUnloadMs: env.RAPPORTEUR_IDLE_UNLOAD_MS,
  compactEvery: env.RAPPORTEUR_COMPACT_EVERY,
  history: env.RAPPORTEUR_HISTORY,
  maxMessageBytes: env.RAPPORTEUR_MAX_MESSAGE_BYTES,
  maxSectionBytes: env.RAPPORTEUR_MAX_SECTION_BYTES,
  maxBodyBytes: env.RAPPORTEUR_MAX_BODY_BYTES,
  maxImportBytes: env.RAPPORTEUR_MAX_IMPORT_BYTES,
  importTimeoutMs: env.RAPPORTEUR_IMPORT_TIMEOUT_MS,
  timetable,
  authTimeoutMs: env.RAPPORTEUR_AUTH_TIMEOUT_MS,
  maxLoadedDocuments: env.RAPPORTEUR_MAX_LOADED_DOCUMENTS,
  messagesPerSecond: env.RAPPORTEUR_MAX_MESSAGES_PER_SECOND,
  messageBurst: env.RAPPORTEUR_MESSAGE_BURST,
  maxBufferedBytes: env.RAPPORTEUR_MAX_BUFFERED_BYTES,
  maxConnectionsPerUser: env.RAPPORTEUR_MAX_CONNECTIONS_PER_USER,
  publicOrigins: env.RAPPORTEUR_PUBLIC_ORIGIN,
  requestTimeoutMs: env.RAPPORTEUR_REQUEST_TIMEOUT_MS,
  maxUnauthenticatedPerAddress: env.RAPPORTEUR_MAX_UNAUTHENTICATED_PER_ADDRESS,
  maxUnauthenticated: env.RAPPORTEUR_MAX_UNAUTHENTICATED,
  logger: consoleLogger,
});

let port: number;
try {
  ({ port } = await server.listen(env.PORT, env.HOST));
} catch (error) {
  await store.close();
  lock.release();
  fail(`could not listen on ${env.HOST}:${env.PORT}: ${(error as Error).message}`);
}

const shownHost = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
const urlHost = shownHost.includes(":") ? `[${shownHost}]` : shownHost;
console.log(`Rapporteur listening on http://${urlHost}:${port}`);

let stopping = false;
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) {
    console.error(`${signal} again: exiting without waiting`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: saving open sections and stopping`);
  try {
    await server.close();
    await store.close();
  } catch (error) {
    console.error("Shutdown failed", error);
    process.exitCode = 1;
  } finally {
    lock.release();
  }
  process.exit();
}
process.on("SIGINT", (signal) => void shutdown(signal));
process.on("SIGTERM", (signal) => void shutdown(signal));
process.on("uncaughtException", (error) => {
  // Handlers catch their own errors; anything left is logged, never allowed to kill sessions.
  console.error("Uncaught exception", error);
});
process.on("unhandledRejection", (error) => {
  console.error("Unhandled rejection", error);
});
