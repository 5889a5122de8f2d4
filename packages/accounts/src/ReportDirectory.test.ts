import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { beforeEach, describe, expect, it } from "vitest";
import { AccountStore } from "./AccountStore";
import { ReportDirectory, ReportMembershipError } from "./ReportDirectory";

describe("ReportDirectory", () => {
  let db: Database.Database;
  let accounts: AccountStore;
  let reports: ReportDirectory;
  beforeEach(() => {
    db = new Database(":memory:");
    migrate(db);
    accounts = new AccountStore(db);
    reports = new ReportDirectory(db);
  });
  const user = (username: string, role: "editor" | "drafter" | "reviewer") =>
    accounts.create({ username, password: "a long password", role });

  it("keeps the first report's members in step with the accounts' roles", async () => {
    const amina = await user("amina", "drafter");
    expect(reports.roleOf(1, amina.id)).toBe("drafter");
    accounts.setRole(amina.id, "reviewer");
    expect(reports.roleOf(1, amina.id)).toBe("reviewer");
    expect(reports.list().map((r) => [r.id, r.template])).toEqual([[1, "wsis20-review"]]);
  });

  it("gives a person a role per report, and never leaves a report without an editor", async () => {
    const boss = await user("boss", "editor");
    const amina = await user("amina", "drafter");
    const id = reports.create({ title: "Annual", template: "blank", createdBy: boss.id });
    expect(id).toBe(2);
    expect(reports.roleOf(id, boss.id)).toBe("editor");
    expect(reports.roleOf(id, amina.id)).toBeUndefined();
    reports.setMember(id, amina.id, "editor");
    expect(reports.membershipsOf(amina.id)).toEqual(
      new Map([
        [1, "drafter"],
        [id, "editor"],
      ]),
    );
    reports.removeMember(id, boss.id);
    expect(() => reports.removeMember(id, amina.id)).toThrow(ReportMembershipError);
    expect(() => reports.setMember(id, amina.id, "reviewer")).toThrow(/must keep an active editor/);
    expect(reports.members(id)).toEqual([{ reportId: id, userId: amina.id, role: "editor" }]);
  });
});
