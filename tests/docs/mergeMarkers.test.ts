import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url);
const TEXT = /\.(ts|tsx|js|mjs|json|md|css|html|yaml|yml|sh)$/;
// A merge left unresolved: the three lines git writes around the two sides.
const MARKER = /^(<{7} |={7}$|>{7} )/m;

describe("the tracked files", () => {
  it("hold no unresolved merge (conflict markers), which would ship both sides of a change", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter((file) => TEXT.test(file));
    expect(files.length).toBeGreaterThan(100);
    const unresolved = files.filter((file) => {
      try {
        return MARKER.test(readFileSync(new URL(file, ROOT), "utf8"));
      } catch {
        // Listed by git but deleted in the working tree.
        return false;
      }
    });
    expect(unresolved).toEqual([]);
  });
});
