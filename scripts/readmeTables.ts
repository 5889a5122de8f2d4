// Regenerates the README's configuration and API tables from the server's own declarations
// (ENV_VARIABLES, API_ROUTES), so the documentation cannot drift: `pnpm docs:readme`.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { API_ROUTES } from "../apps/server/src/http/apiRouteTable";
import { ENV_VARIABLES } from "../apps/server/src/http/env";

export const README_PATH = fileURLToPath(new URL("../README.md", import.meta.url));

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The configuration table, one row per environment variable. */
export function envTable(): string {
  const rows = ENV_VARIABLES.map(
    (v) => `| \`${v.name}\` | \`${cell(v.default) || " "}\` | ${cell(v.description)} |`,
  );
  return ["| Variable | Default | Meaning |", "| --- | --- | --- |", ...rows].join("\n");
}

const ACCESS = {
  public: "anyone",
  signed_in: "signed in",
  editor: "editors",
  outline: "editors (outline)",
} as const;

/** The API table, one row per route. */
export function apiTable(): string {
  const rows = Object.values(API_ROUTES).map(
    (r) =>
      `| \`${r.method.toUpperCase()} /api${r.path}\` | ${ACCESS[r.access]} | ${cell(r.summary)} |`,
  );
  return ["| Route | Who | What |", "| --- | --- | --- |", ...rows].join("\n");
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function fillBlock(markdown: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README has no ${start} ... ${end} block`);
  return `${markdown.slice(0, from + start.length)}\n${content}\n${markdown.slice(to)}`;
}

/** The README as it should be. */
export function renderReadme(current: string): string {
  return fillBlock(fillBlock(current, "env", envTable()), "api", apiTable());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const current = readFileSync(README_PATH, "utf8");
  writeFileSync(README_PATH, renderReadme(current));
  console.log("README.md tables regenerated");
}
