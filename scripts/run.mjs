#!/usr/bin/env node
// The README's commands: `npm start` and `npm test` on a machine with only Node 20 and npm.
// Installs the pinned pnpm (locally, no root needed) and the workspace, then runs the stage asked.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PNPM_VERSION = "12.4.2";
const stage = process.argv[2] ?? "start";

function log(message) {
  console.log(`\n\u001b[1m[rapporteur] ${message}\u001b[0m`);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`[rapporteur] failed: ${command} ${args.join(" ")}`);
    process.exit(result.status ?? 1);
  }
}

function pnpmBinary() {
  try {
    const version = execFileSync("pnpm", ["--version"], { encoding: "utf8" }).trim();
    if (version === PNPM_VERSION) return "pnpm";
  } catch {
    // Not installed globally: use a local copy.
  }
  const local = join(root, ".tools", "node_modules", ".bin", "pnpm");
  if (!existsSync(local)) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/`);
    mkdirSync(join(root, ".tools"), { recursive: true });
    run("npm", [
      "install",
      "--prefix",
      ".tools",
      "--no-save",
      "--no-audit",
      "--no-fund",
      `pnpm@${PNPM_VERSION}`,
    ]);
  }
  return local;
}

// pnpm 12 ignores npm's `nodedir`: pass it on so better-sqlite3 builds against local headers.
function nativeBuildEnv() {
  let nodedir = process.env.npm_config_nodedir;
  if (!nodedir) {
    try {
      nodedir = execFileSync("npm", ["config", "get", "nodedir"], { encoding: "utf8" }).trim();
    } catch {
      nodedir = "";
    }
  }
  if (!nodedir || nodedir === "undefined" || nodedir === "null") {
    nodedir = existsSync("/usr/include/node/node_api.h") ? "/usr" : "";
  }
  return nodedir ? { npm_config_nodedir: nodedir } : {};
}

const pnpm = pnpmBinary();
const install = () => {
  log("installing dependencies");
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  run(pnpm, ["install", ...frozen], nativeBuildEnv());
};
const buildWeb = () => {
  log("building the web app");
  run(pnpm, ["--filter", "@rapporteur/web", "build"]);
};

if (stage === "start") {
  install();
  buildWeb();
  log("starting the server");
  const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: root,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
} else if (stage === "test") {
  install();
  log("lint and format (biome)");
  run(pnpm, ["exec", "biome", "check", "."]);
  log("type check (tsc --noEmit)");
  run(pnpm, ["exec", "tsc", "--noEmit", "-p", "tsconfig.json"]);
  buildWeb();
  log("tests (vitest)");
  const report = join(root, "node_modules", ".cache", "vitest-report.json");
  const result = spawnSync(
    pnpm,
    [
      "exec",
      "vitest",
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ],
    { cwd: root, stdio: "inherit", env: process.env },
  );
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, "utf8"));
    console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
  }
  process.exit(result.status ?? 1);
} else if (stage === "bench") {
  install();
  buildWeb();
  log("benchmarks");
  run(pnpm, ["exec", "tsx", "tests/bench/run.ts", ...process.argv.slice(3)]);
} else {
  console.error(`unknown stage '${stage}': use start, test or bench`);
  process.exit(2);
}
