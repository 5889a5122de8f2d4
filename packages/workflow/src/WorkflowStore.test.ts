import { migrate } from "@rapporteur/storage";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { WorkflowStore } from "./WorkflowStore";

describe("WorkflowStore", () => {
  it("defaults to Drafting, stores status and leads, and tells listeners", () => {
    const db = new Database(":memory:");
    migrate(db);
    const store = new WorkflowStore(db);
    expect(store.get("p1-access")).toMatchObject({ status: "drafting", leads: [] });
    const heard: string[] = [];
    store.onChange((w) => heard.push(`${w.sectionId}:${w.status}`));
    store.setLeads("p1-access", [3, 3, 4], "editor");
    store.setStatus("p1-access", "approved", "editor");
    expect(store.get("p1-access")).toMatchObject({
      status: "approved",
      leads: [3, 4],
      updatedBy: "editor",
    });
    expect(heard).toEqual(["p1-access:drafting", "p1-access:approved"]);
    expect([...store.all().keys()]).toEqual(["p1-access"]);
    expect(store.all().get("p1-access")?.status).toBe("approved");
  });
});
