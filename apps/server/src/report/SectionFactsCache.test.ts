import type { NumberableBlock } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { type KeptFacts, SectionFactsCache } from "./SectionFactsCache";

const para = (excerpt: string, anchor: string | null = null): NumberableBlock => ({
  kind: "paragraph",
  excerpt,
  anchor,
});
const facts = (blocks: NumberableBlock[]): KeptFacts => ({ blocks, cited: [] });
const outline = {
  parts: [{ id: "p1" }, { id: "p2" }],
  sections: [
    { id: "b", part: "p2", title: "Access" },
    { id: "a", part: "p1", title: "Context" },
  ],
};

describe("SectionFactsCache", () => {
  it("numbers the report from the kept blocks, reading a section only when it has none", async () => {
    const reads: string[] = [];
    const blocks = new SectionFactsCache(async (id) => {
      reads.push(id);
      return { blocks: [para(`stored ${id}`)], cited: [7] };
    });
    blocks.set("a", facts([para("One"), para("Two", "p-two")]));
    const view = await blocks.number(outline);
    expect(reads).toEqual(["b"]);
    expect(view.sections.map((s) => [s.id, s.label, s.before.paragraph])).toEqual([
      ["a", "I.A", 0],
      ["b", "II.A", 2],
    ]);
    expect(view.targets["p-two"]).toEqual({ kind: "paragraph", number: "2", section: "a" });
    expect(view.sections[1]!.blocks[0]).toMatchObject({ number: "3", excerpt: "stored b" });

    // Typing inside a paragraph moves no number; a paragraph added does.
    expect(blocks.set("a", facts([para("One, typed"), para("Two", "p-two")]))).toBe(false);
    expect(blocks.set("a", facts([para("Zero"), para("One"), para("Two", "p-two")]))).toBe(true);
    const after = await blocks.number(outline);
    expect(after.targets["p-two"]?.number).toBe("3");
    expect(after.sections[1]!.blocks[0]?.number).toBe("4");
    expect(reads).toEqual(["b"]);
    // The sources each section cites are kept beside: the one read, and the one recorded.
    expect((await blocks.of("b")).cited).toEqual([7]);
    blocks.set("a", { blocks: [], cited: [3, 4] });
    expect((await blocks.of("a")).cited).toEqual([3, 4]);
  });

  it("keeps a change recorded while the section was being read", async () => {
    let release: (facts: KeptFacts) => void = () => {};
    const blocks = new SectionFactsCache(
      () =>
        new Promise((resolve) => {
          release = resolve;
        }),
    );
    const reading = blocks.of("a");
    blocks.set("a", facts([para("typed since")]));
    release(facts([para("as stored")]));
    expect((await reading).blocks[0]?.excerpt).toBe("typed since");
    expect((await blocks.of("a")).blocks[0]?.excerpt).toBe("typed since");
  });
});
