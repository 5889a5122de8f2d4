import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const root = new URL("../../", import.meta.url);
const tree = readFileSync(new URL("docs/ARCHITECTURE.md", root), "utf8");

function folders(parent: string): string[] {
  return readdirSync(new URL(`${parent}/`, root), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== "node_modules")
    .map((entry) => entry.name);
}

describe("docs/ARCHITECTURE.md", () => {
  it.each(["apps", "packages", "tests"])("has a line for every folder in %s/", (parent) => {
    const missing = folders(parent).filter(
      (name) => !new RegExp(`^\\s+${name.replace(/[.-]/g, "\\$&")}/\\s`, "m").test(tree),
    );
    expect(missing).toEqual([]);
  });
});
