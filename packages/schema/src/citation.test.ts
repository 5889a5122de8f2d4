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

  it("reads a stored citation written before locators, and keeps a locator through JSON", () => {
    const old = schema.nodeFromJSON({ type: "citation", attrs: { sourceId: 7 } });
    expect(old.attrs).toEqual({ sourceId: 7, excerpt: null, locator: null });
    old.check();
    const cited = schema.nodeFromJSON({
      type: "citation",
      attrs: { sourceId: 7, excerpt: "Uptake slowed.", locator: "p. 12" },
    });
    expect(schema.nodeFromJSON(cited.toJSON()).attrs.locator).toBe("p. 12");
    expect(() => schema.nodes.citation!.create({ sourceId: 7, locator: "x".repeat(2001) })).toThrow(
      /at most 2000/,
    );
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
