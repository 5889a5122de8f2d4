import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { commandTable } from "../../apps/cli/src/commandTable";
import { ENV_VARIABLES } from "../../apps/server/src/http/env";
import { API_PATHS } from "../../packages/api/src/apiPaths";

const OPERATIONS = readFileSync(new URL("../../docs/OPERATIONS.md", import.meta.url), "utf8");

describe("docs/OPERATIONS.md", () => {
  it("names only configuration variables the server reads", () => {
    const declared = new Set(ENV_VARIABLES.map((variable) => variable.name));
    const named = new Set(OPERATIONS.match(/\bRAPPORTEUR_[A-Z_]+\b/g) ?? []);
    expect(named.size).toBeGreaterThan(4);
    expect([...named].filter((name) => !declared.has(name))).toEqual([]);
  });

  it("names only CLI commands that exist", () => {
    const named = [...OPERATIONS.matchAll(/pnpm rapporteur ([a-z]+)/g)].map((match) => match[1]);
    expect(named).toContain("backup");
    expect(named).toContain("restore");
    expect(named.filter((name) => !(name && name in commandTable))).toEqual([]);
  });

  it("names only API routes the server serves", () => {
    const served = new Set(Object.values(API_PATHS).map((path) => `/api${path}`));
    const named = new Set(OPERATIONS.match(/\/api\/[a-z/-]+/g) ?? []);
    expect(named.has("/api/health")).toBe(true);
    expect([...named].filter((path) => !served.has(path))).toEqual([]);
  });
});
