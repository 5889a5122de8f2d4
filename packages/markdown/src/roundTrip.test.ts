import { schema } from "@rapporteur/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { docArbitrary } from "./docArbitrary";
import { fromMarkdown } from "./fromMarkdown";
import { normalizeDoc } from "./normalizeDoc";
import { toMarkdown } from "./toMarkdown";

// Hundreds of random documents per property: CPU-bound and slow on a shared machine (not a speed check).
describe("Markdown round trip over random documents", { timeout: 180_000 }, () => {
  it("generates documents the editor's schema accepts", () => {
    fc.assert(
      fc.property(docArbitrary, (doc) => {
        schema.nodeFromJSON(doc).check();
      }),
      { numRuns: 200 },
    );
  });

  it("reads back what it writes: fromMarkdown(toMarkdown(doc)) is the normalised doc, without warnings", () => {
    fc.assert(
      fc.property(docArbitrary, (doc) => {
        const back = fromMarkdown(toMarkdown(doc));
        expect(back.doc).toEqual(normalizeDoc(doc));
        expect(back.warnings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("is a fixed point: Markdown -> document -> Markdown gives the same Markdown", () => {
    fc.assert(
      fc.property(docArbitrary, (doc) => {
        const markdown = toMarkdown(doc);
        expect(toMarkdown(fromMarkdown(markdown).doc)).toBe(markdown);
      }),
      { numRuns: 500 },
    );
  });

  it("normalises idempotently", () => {
    fc.assert(
      fc.property(docArbitrary, (doc) => {
        const once = normalizeDoc(doc);
        expect(normalizeDoc(once)).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });
});
