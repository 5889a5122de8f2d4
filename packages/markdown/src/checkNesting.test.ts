import { describe, expect, it } from "vitest";
import { fromMarkdown } from "./fromMarkdown";
import { MAX_IMPORT_NESTING, MarkdownTooDeepError } from "./MarkdownTooDeepError";
import { reportFromMarkdown } from "./reportFromMarkdown";

function refusal(run: () => unknown): MarkdownTooDeepError {
  try {
    run();
  } catch (error) {
    if (error instanceof MarkdownTooDeepError) return error;
    throw error;
  }
  throw new Error("expected a MarkdownTooDeepError");
}

describe("nesting too deep for a section", () => {
  it("refuses `> - 1. ` 3,000 deep with an error naming the depth, not a stack overflow", () => {
    const error = refusal(() => fromMarkdown(`${"> - 1. ".repeat(3_000)}deep\n`));
    expect(error.id).toBe("import_too_deep");
    expect(error.depth).toBe(9_000);
    expect(error.message).toBe(
      "The file nests lists/quotes 9000 levels deep; at most 32 are supported",
    );
  });

  it("refuses a whole report nested too deep the same way", () => {
    const error = refusal(() =>
      reportFromMarkdown(`# Part\n\n${"> ".repeat(40)}deep\n`, { parts: [], sections: [] }),
    );
    expect(error.message).toBe(
      "The file nests lists/quotes 40 levels deep; at most 32 are supported",
    );
  });

  it("imports nesting up to the limit, flattening what the editor cannot hold", () => {
    const result = fromMarkdown(`${"> ".repeat(MAX_IMPORT_NESTING)}kept\n`);
    expect(JSON.stringify(result.doc)).toContain('"text":"kept"');
    expect(result.warnings.length).toBeGreaterThan(0);
  });
});

describe("checkTreeNesting", () => {
  it("finds nesting the lines do not show (indented lists)", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}- level ${i + 1}`);
    expect(() => fromMarkdown(`${lines.join("\n")}\n`)).toThrow(
      "The file nests lists/quotes 40 levels deep; at most 32 are supported",
    );
  });

  it("does not take a rule of spaced dashes for nesting", () => {
    const result = fromMarkdown(`Before\n\n${"- ".repeat(40)}\n\nAfter\n`);
    expect(JSON.stringify(result.doc)).toContain('"text":"After"');
  });
});
