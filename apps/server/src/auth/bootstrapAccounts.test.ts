import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountStore } from "@rapporteur/accounts";
import { SqliteStore } from "@rapporteur/storage";
import { describe, expect, it } from "vitest";
import { bootstrapAccounts } from "./bootstrapAccounts";

function accounts() {
  const store = SqliteStore.open(mkdtempSync(join(tmpdir(), "rapporteur-bootstrap-")));
  return new AccountStore(store.database);
}

describe("bootstrapAccounts", () => {
  it("creates admin with a generated password printed once, and nothing on later starts", async () => {
    const store = accounts();
    const printed: string[] = [];
    const options = {
      demo: false,
      demoPassword: "unused-demo",
      print: (t: string) => printed.push(t),
    };
    await bootstrapAccounts(store, options);
    const password = /password: (\S+)/.exec(printed.join("\n"))?.[1];
    expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect(await store.verify("admin", password!)).toMatchObject({ role: "editor" });
    await bootstrapAccounts(store, options);
    expect(printed).toHaveLength(1);
    expect(store.list().map((u) => u.username)).toEqual(["admin"]);
  });

  it("uses the configured admin password and never prints it", async () => {
    const store = accounts();
    const printed: string[] = [];
    await bootstrapAccounts(store, {
      adminPassword: "configured-secret",
      demo: false,
      demoPassword: "unused-demo",
      print: (t) => printed.push(t),
    });
    expect(printed.join("\n")).not.toContain("configured-secret");
    expect(await store.verify("admin", "configured-secret")).toBeDefined();
  });

  it("demo mode seeds a drafter and a reviewer with the demo password", async () => {
    const store = accounts();
    const printed: string[] = [];
    const options = {
      demo: true,
      demoPassword: "demo-password",
      print: (t: string) => printed.push(t),
    };
    await bootstrapAccounts(store, options);
    await bootstrapAccounts(store, options);
    expect(store.list().map((u) => [u.username, u.role])).toEqual([
      ["admin", "editor"],
      ["drafter", "drafter"],
      ["reviewer", "reviewer"],
    ]);
    expect(await store.verify("reviewer", "demo-password")).toBeDefined();
    expect(await store.verify("admin", "demo-password")).toBeDefined();
    expect(printed.join("\n")).toContain("DEMO MODE");
  });
});
