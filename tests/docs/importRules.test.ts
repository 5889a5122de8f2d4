import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { importViolations } from "./importRules";

const root = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "rapporteur-import-rules-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(dirname(join(scratch, path)), { recursive: true });
  writeFileSync(join(scratch, path), text);
}

describe("the import rules of docs/ARCHITECTURE.md", () => {
  it("hold in this repository", () => {
    expect(importViolations(root)).toEqual([]);
  });

  it("catch a web file importing server code, storage or Node built-ins, and a package importing an app", () => {
    write(
      "apps/web/src/ok.ts",
      'import { CloseCode } from "@rapporteur/api";\nimport { x } from "./y";\n',
    );
    write(
      "apps/web/src/bad.ts",
      [
        'import { readFileSync } from "node:fs";',
        'import path from "path";',
        'import { CollabServer } from "../../server/src/collab/CollabServer";',
        'import { BudgetStore } from "@rapporteur/budget";',
        'export { x } from "@rapporteur/server";',
      ].join("\n"),
    );
    write("packages/thing/src/bad.ts", 'import { main } from "../../../apps/cli/src/main";\n');
    write("packages/api/src/bad.ts", 'const fs = await import("fs");\n');
    const found = importViolations(scratch).map((v) => `${v.file} ${v.specifier}`);
    expect(found.sort()).toEqual(
      [
        "apps/web/src/bad.ts node:fs",
        "apps/web/src/bad.ts path",
        "apps/web/src/bad.ts ../../server/src/collab/CollabServer",
        "apps/web/src/bad.ts @rapporteur/budget",
        "apps/web/src/bad.ts @rapporteur/server",
        "packages/api/src/bad.ts fs",
        "packages/thing/src/bad.ts ../../../apps/cli/src/main",
      ].sort(),
    );
  });
});
