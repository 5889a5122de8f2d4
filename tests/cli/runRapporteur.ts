import { spawn } from "node:child_process";
import { REPO_ROOT } from "../support/serverProcess";

/** What a `rapporteur` process printed and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options of {@link runRapporteur}. */
export interface CliRunOptions {
  /** Written to standard input, then closed (default: nothing). */
  stdin?: string;
  /** Current directory of the command (relative paths, INIT_CWD); default the repository. */
  cwd?: string;
}

/**
 * Runs `node --import tsx apps/cli/src/main.ts <args>` (what `pnpm rapporteur` runs) as a child
 * process on `dataDir` (RAPPORTEUR_DATA), without blocking the test process.
 */
export function runRapporteur(
  dataDir: string,
  args: string[],
  options: CliRunOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/cli/src/main.ts", ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, RAPPORTEUR_DATA: dataDir, INIT_CWD: options.cwd ?? REPO_ROOT },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.stdin.end(options.stdin ?? "");
    child.once("error", reject);
    child.once("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
