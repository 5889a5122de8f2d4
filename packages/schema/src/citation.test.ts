import { describe, expect, it } from "vitest";
import { citationKey } from "./citation";
import { schema } from "./schema";

describe("citation node", () => {
  it("holds a source id and optional excerpt and locator, and refuses other ids", () => {
    const node = schema.nodes.citation!.create({ sourceId: 12, locator: "p. 4" });
    expect(node.attrs).toEqual({ sourceId: 12, excerpt: null, locator: "p. 4" });
    expect(node.isAtom && node.isInline).toBe(true);
    for (const sourceId of [0, -1, 1.5, "12", null]) {
      expect(() => schema.nodes.citation!.create({ sourceId })).toThrow(/source/);
    }
  });

  it("keys footnote texts by source, excerpt and locator", () => {
    expect(citationKey({ sourceId: 3, excerpt: "", locator: "q2" })).toBe('[3,null,"q2"]');
    expect(citationKey({ sourceId: 3 })).not.toBe(citationKey({ sourceId: 3, locator: "q2" }));
  });

  it("reads pasted citations with a source id and drops those without one", () => {
    const rule = schema.nodes.citation!.spec.parseDOM![0]!;
    const element = (id: string | null) =>
      ({ getAttribute: (name: string) => (name === "data-source-id" ? id : null) }) as HTMLElement;
    expect(rule.getAttrs?.(element("42"))).not.toBe(false);
    expect(rule.getAttrs?.(element("javascript:1"))).toBe(false);
    expect(rule.getAttrs?.(element(null))).toBe(false);
  });
});
