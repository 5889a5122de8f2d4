import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { README_PATH, renderReadme } from "../../scripts/readmeTables";

describe("README", () => {
  const readme = readFileSync(README_PATH, "utf8");

  it("documents every configuration variable and every API route as the server declares them", () => {
    // If this fails, run `pnpm docs:readme` and commit the result.
    expect(readme).toBe(renderReadme(readme));
  });

  it("gives the two commands and the screenshots it refers to exist", () => {
    expect(readme).toContain("npm start");
    expect(readme).toContain("npm test");
    for (const [, path] of readme.matchAll(/!\[[^\]]*\]\(([^)]+\.png)\)/g)) {
      expect(() => readFileSync(new URL(`../../${path}`, import.meta.url)), path).not.toThrow();
    }
  });
});
