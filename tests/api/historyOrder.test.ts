import { describe, expect, it } from "vitest";
import { serverSuite } from "../support/serverSuite";
import { writeParagraphs } from "./writeParagraphs";

interface Entry {
  id: string;
  at: string;
  kind: string;
  name?: string;
}

describe("a section's history with versions and outline changes", () => {
  const suite = serverSuite();

  it("lists a version below the outline changes made after it (newest first)", async () => {
    const section = "p1-governance";
    const writer = await suite.connectSynced(section, "drafter");
    await writeParagraphs(suite, writer, "Text kept by the version");
    writer.destroy();
    const version = await suite.api("editor", "POST", "/versions", { name: "Order check" });
    expect(version.status).toBe(201);
    // Outline changes of the same text, after the version.
    const rename = (title: string) =>
      suite.api("editor", "PATCH", `/outline/sections/${section}`, { title });
    expect((await rename("Infrastructure, first rename")).status).toBe(200);
    expect((await rename("Infrastructure, second rename")).status).toBe(200);

    const answer = await suite.api("reviewer", "GET", `/sections/${section}/history`);
    expect(answer.status).toBe(200);
    const entries = answer.body as Entry[];
    const kinds = entries.map((e) => e.kind);
    expect(kinds.slice(0, 3)).toEqual(["outline", "outline", "version"]);
    expect(entries[2]!.name).toBe("Order check");
    expect(kinds[3]).toBe("edit");
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  }, 60_000);
});
