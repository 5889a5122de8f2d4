import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { AccountError, AccountStore } from "./AccountStore";

describe("AccountStore", () => {
  let db: Database.Database;
  let accounts: AccountStore;
  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db);
    accounts = new AccountStore(db);
  });

  it("creates a user whose password verifies, and never stores the password", async () => {
    const user = await accounts.create({
      username: "Amina",
      password: "correct horse",
      role: "drafter",
    });
    expect(user).toMatchObject({ username: "amina", role: "drafter", active: true });
    expect(await accounts.verify("amina", "correct horse")).toMatchObject({ id: user.id });
    expect(await accounts.verify("amina", "wrong")).toBeUndefined();
    expect(await accounts.verify("nobody", "correct horse")).toBeUndefined();
    const stored = db.prepare("SELECT password_hash FROM users").get() as { password_hash: string };
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain("correct horse");
  });

  it("refuses a taken or malformed username", async () => {
    await accounts.create({ username: "amina", password: "pw-1234567", role: "drafter" });
    await expect(
      accounts.create({ username: "AMINA", password: "x", role: "editor" }),
    ).rejects.toThrow(AccountError);
    await expect(
      accounts.create({ username: "../etc", password: "x", role: "editor" }),
    ).rejects.toThrow(/username/);
  });

  it("sessions: valid until expiry or logout; deactivation ends them", async () => {
    const user = await accounts.create({
      username: "rev",
      password: "pw-1234567",
      role: "reviewer",
    });
    const now = 1_000_000;
    const token = accounts.createSession(user.id, 60_000, now);
    expect(accounts.userForSession(token, now + 1)?.username).toBe("rev");
    expect(accounts.userForSession(token, now + 60_001)).toBeUndefined();
    expect(accounts.userForSession("forged-token", now)).toBeUndefined();
    const second = accounts.createSession(user.id, 60_000);
    accounts.setActive(user.id, false);
    expect(accounts.userForSession(second)).toBeUndefined();
    expect(await accounts.verify("rev", "pw-1234567")).toBeUndefined();
  });

  it("a password reset ends open sessions and accepts only the new password", async () => {
    const user = await accounts.create({
      username: "ed",
      password: "old-password",
      role: "editor",
    });
    const token = accounts.createSession(user.id, 60_000);
    await accounts.setPassword(user.id, "new-password");
    expect(accounts.userForSession(token)).toBeUndefined();
    expect(await accounts.verify("ed", "old-password")).toBeUndefined();
    expect(await accounts.verify("ed", "new-password")).toBeDefined();
  });

  it("refuses passwords shorter than the minimum, on creation and on reset", async () => {
    await expect(
      accounts.create({ username: "short", password: "123456789", role: "drafter" }),
    ).rejects.toThrow(/10 to 1024 characters/);
    const user = await accounts.create({
      username: "long",
      password: "1234567890",
      role: "drafter",
    });
    await expect(accounts.setPassword(user.id, "short")).rejects.toThrow(AccountError);
    expect(await accounts.verify("long", "1234567890")).toBeDefined();
  });

  it("counts active editors and renames users", async () => {
    const a = await accounts.create({ username: "ed1", password: "pw-1234567", role: "editor" });
    await accounts.create({ username: "ed2", password: "pw-1234567", role: "editor" });
    expect(accounts.countActiveEditors()).toBe(2);
    accounts.setActive(a.id, false);
    expect(accounts.countActiveEditors()).toBe(1);
    expect(accounts.setDisplayName(a.id, "  Editor One ").displayName).toBe("Editor One");
    expect(accounts.setDisplayName(a.id, "").displayName).toBe("ed1");
  });

  it("changes roles and reports unknown users", async () => {
    const user = await accounts.create({
      username: "dina",
      password: "pw-1234567",
      role: "drafter",
    });
    expect(accounts.setRole(user.id, "reviewer").role).toBe("reviewer");
    expect(() => accounts.setRole(999, "editor")).toThrow(/No user/);
  });
});
