import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { waitFor } from "../support/collabClient";
import { storedDocument } from "../support/databaseSnapshot";
import { fillSection } from "../support/fillSection";
import { serverSuite } from "../support/serverSuite";

// Accounts: see TEST_ACCOUNTS in tests/support/serverProcess.ts (admin = editor, drafter, reviewer).

/** The top-level blocks of a section's document as `name: text`. */
function blocksOf(fragment: Y.XmlFragment): string[] {
  return fragment.toArray().map((node) => {
    const element = node as Y.XmlElement;
    const text = element
      .toArray()
      .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
      .join("");
    return `${element.nodeName}: ${text}`;
  });
}

describe("a split does not lose what a client typed into the moved text before it heard of the split", () => {
  const suite = serverSuite({ env: { RAPPORTEUR_IDLE_UNLOAD_MS: "300" } });

  it("takes text typed offline into a moved paragraph to the new section, audited", async () => {
    const drafter = await suite.connectSynced("p2-technology", "drafter");
    fillSection(drafter, [
      "Data flows grew across borders",
      "# Privacy rules",
      "Regulators adopted laws",
    ]);
    const watcher = await suite.connectSynced("p2-technology", "reviewer");
    await waitFor(
      () => watcher.fragment.toString().includes("Regulators adopted laws"),
      "the server to have the text",
    );
    // The drafter goes offline and types on, inside the paragraph under the sub-heading.
    drafter.provider.disconnect();
    const paragraph = drafter.fragment.get(2) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    text.insert(text.length, " late words");

    const split = await suite.api("editor", "POST", "/outline/sections/p2-technology/split", {
      atHeading: "Privacy rules",
    });
    expect(split.status, JSON.stringify(split.body)).toBe(201);
    expect(split.body.id).toBe("privacy-rules");
    await waitFor(
      () => !watcher.fragment.toString().includes("Regulators"),
      "the moved text to leave the source",
    );

    drafter.provider.connect();
    const reader = await suite.connectSynced("privacy-rules", "reviewer");
    await waitFor(
      () => reader.fragment.toString().includes("late words"),
      "the late words to reach the new section",
    );
    expect(blocksOf(reader.fragment)).toEqual([
      "heading: Privacy rules",
      "paragraph: Regulators adopted laws",
      "paragraph:  late words",
    ]);
    // A fresh client reads the same, and so does the stored document.
    const fresh = await suite.connectSynced("privacy-rules", "drafter");
    expect(blocksOf(fresh.fragment)).toEqual(blocksOf(reader.fragment));
    const stored = storedDocument(suite.server.dataDir, "privacy-rules");
    expect(blocksOf(stored.getXmlFragment("default"))).toEqual(blocksOf(reader.fragment));
    stored.destroy();
    // The source keeps none of it, on the server nor (once synced) at the drafter's.
    await waitFor(
      () => !drafter.fragment.toString().includes("Regulators"),
      "the drafter to hear of the split",
    );
    const source = await suite.connectSynced("p2-technology", "reviewer");
    for (const fragment of [source.fragment, drafter.fragment, watcher.fragment]) {
      expect(blocksOf(fragment)).toEqual(["paragraph: Data flows grew across borders"]);
    }
    const storedSource = storedDocument(suite.server.dataDir, "p2-technology");
    expect(storedSource.getXmlFragment("default").toString()).not.toContain("late words");
    storedSource.destroy();

    const audit = await suite.api("editor", "GET", "/audit?action=text_rescued");
    expect(audit.status).toBe(200);
    expect(audit.body.entries).toMatchObject([
      {
        action: "text_rescued",
        actor: "drafter",
        target: "p2-technology",
        detail: { section: "p2-technology", into: "privacy-rules", characters: 11 },
      },
    ]);
  });
});
