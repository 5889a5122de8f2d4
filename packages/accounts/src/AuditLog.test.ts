import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { AuditLog } from "./AuditLog";

describe("AuditLog", () => {
  it("lists entries newest first and cannot be rewritten", () => {
    const db = new Database(":memory:");
    migrate(db);
    const log = new AuditLog(db);
    log.record({ actor: "amina", action: "login", ip: "127.0.0.1" });
    log.record({ actor: null, action: "login_failed", detail: { username: "amina" } });
    const entries = log.list();
    expect(entries.map((e) => e.action)).toEqual(["login_failed", "login"]);
    expect(entries[0]?.detail).toEqual({ username: "amina" });
    expect(log.list({ action: "login" })).toHaveLength(1);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/);
    expect(log.list()).toHaveLength(2);
  });
});
