import type { NumberableBlock } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { SectionBlocks } from "./SectionBlocks";

const para = (excerpt: string, anchor: string | null = null): NumberableBlock => ({
  kind: "paragraph",
  excerpt,
  anchor,
});
const outline = {
  parts: [{ id: "p1" }, { id: "p2" }],
  sections: [
    { id: "b", part: "p2", title: "Access" },
    { id: "a", part: "p1", title: "Context" },
  ],
};

describe("SectionBlocks", () => {
  it("numbers the report from the kept blocks, reading a section only when it has none", async () => {
    const reads: string[] = [];
    const blocks = new SectionBlocks(async (id) => {
      reads.push(id);
      return [para(`stored ${id}`)];
    });
    blocks.set("a", [para("One"), para("Two", "p-two")]);
    const view = await blocks.number(outline);
    expect(reads).toEqual(["b"]);
    expect(view.sections.map((s) => [s.id, s.label, s.before.paragraph])).toEqual([
      ["a", "I.A", 0],
      ["b", "II.A", 2],
    ]);
    expect(view.targets["p-two"]).toEqual({ kind: "paragraph", number: "2", section: "a" });
    expect(view.sections[1]!.blocks[0]).toMatchObject({ number: "3", excerpt: "stored b" });

    // Typing inside a paragraph moves no number; a paragraph added does.
    expect(blocks.set("a", [para("One, typed"), para("Two", "p-two")])).toBe(false);
    expect(blocks.set("a", [para("Zero"), para("One"), para("Two", "p-two")])).toBe(true);
    const after = await blocks.number(outline);
    expect(after.targets["p-two"]?.number).toBe("3");
    expect(after.sections[1]!.blocks[0]?.number).toBe("4");
    expect(reads).toEqual(["b"]);
  });

  it("keeps a change recorded while the section was being read", async () => {
    let release: (blocks: NumberableBlock[]) => void = () => {};
    const blocks = new SectionBlocks(
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    );
    const reading = blocks.of("a");
    blocks.set("a", [para("typed since")]);
    release([para("as stored")]);
    expect((await reading)[0]?.excerpt).toBe("typed since");
    expect((await blocks.of("a"))[0]?.excerpt).toBe("typed since");
  });
});
