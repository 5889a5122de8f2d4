import { DEFAULT_OUTLINE_PATH } from "@rapporteur/outline";
import { z } from "zod";

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
    description: "Report outline file (parts, sections, budgets, guidance)",
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
    name: "RAPPORTEUR_MAX_MESSAGE_BYTES",
    default: "10485760",
    description: "Largest collaboration message accepted (larger: close code 4413)",
  },
  {
    name: "RAPPORTEUR_MAX_BODY_BYTES",
    default: "1048576",
    description: "Largest HTTP request body accepted (larger: 413)",
  },
];

const envSchema = z.object({
  PORT: integer(0, 65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  RAPPORTEUR_DATA: z.string().min(1).default("./data"),
  RAPPORTEUR_OUTLINE: z.string().min(1).default(DEFAULT_OUTLINE_PATH),
  RAPPORTEUR_WEB_DIST: z.string().min(1).optional(),
  RAPPORTEUR_IDLE_UNLOAD_MS: integer(0, 24 * 3_600_000).default(30_000),
  RAPPORTEUR_COMPACT_EVERY: integer(1, 1_000_000).default(500),
  RAPPORTEUR_MAX_MESSAGE_BYTES: integer(1024, 1024 ** 3).default(10 * 1024 * 1024),
  RAPPORTEUR_MAX_BODY_BYTES: integer(1024, 1024 ** 3).default(1024 * 1024),
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
    return `  ${name}=${JSON.stringify(known[name])}: ${issue.message}`;
  });
  throw new EnvError(
    `Invalid configuration:\n${problems.join("\n")}\nEvery variable is listed in the README.`,
  );
}
