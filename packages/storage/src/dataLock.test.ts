import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { acquireDataLock, DataLockedError } from "./dataLock";

describe("data directory lock", () => {
  it("refuses a second holder while the first is alive, then frees on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-lock-"));
    const lock = acquireDataLock(dir, "server");
    // Pretend the lock belongs to another live process: the init process (pid 1) is always alive.
    writeFileSync(join(dir, "rapporteur.lock"), JSON.stringify({ pid: 1, owner: "server" }));
    expect(() => acquireDataLock(dir, "cli")).toThrow(DataLockedError);
    expect(() => acquireDataLock(dir, "cli")).toThrow(/in use by the server/);
    lock.release();
    const again = acquireDataLock(dir, "cli");
    again.release();
  });

  it("takes over a lock left by a killed process", () => {
    const dir = mkdtempSync(join(tmpdir(), "rapporteur-lock-"));
    const dead = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
    writeFileSync(
      join(dir, "rapporteur.lock"),
      JSON.stringify({ pid: Number(dead.stdout), owner: "server" }),
    );
    const lock = acquireDataLock(dir, "cli");
    lock.release();
  });
});
