import type { EvidenceCode } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import {
  codeAndDescendants,
  deletionSummary,
  mergeChoices,
  mergeSummary,
  parentChoices,
} from "./codebookChoices";

const code = (id: number, name: string, parent: number | null, excerpts = 0): EvidenceCode => ({
  id,
  name,
  parent,
  colour: "#ffd54f",
  description: "",
  excerpts,
});

// Access > Rural > Cost, Access > Urban; Gender.
const codes = [
  code(1, "Access", null, 2),
  code(2, "Rural", 1, 1),
  code(3, "Cost", 2),
  code(4, "Urban", 1),
  code(5, "Gender", null, 3),
];

describe("codebook choices", () => {
  it("finds a code's descendants at any depth", () => {
    expect([...codeAndDescendants(codes, 1)].sort()).toEqual([1, 2, 3, 4]);
    expect([...codeAndDescendants(codes, 3)]).toEqual([3]);
  });

  it("offers as parents every code but itself and its own sub-codes", () => {
    expect(parentChoices(codes, 2)).toEqual([
      { value: "", label: "(top level)" },
      { value: "1", label: "Access" },
      { value: "4", label: "\u00a0\u00a0Urban" },
      { value: "5", label: "Gender" },
    ]);
    expect(parentChoices(codes, 1).map((c) => c.value)).toEqual(["", "5"]);
  });

  it("offers every other code to merge into", () => {
    expect(mergeChoices(codes, 1).map((c) => c.value)).toEqual(["2", "3", "4", "5"]);
  });

  it("says what deleting a code does to its excerpts and sub-codes", () => {
    expect(deletionSummary(codes, 3)).toBe("“Cost” tags no excerpt.");
    expect(deletionSummary(codes, 2)).toBe(
      "“Rural” tags 1 excerpt: choose the code that will tag it instead. Its sub-code moves up to “Access”.",
    );
    expect(deletionSummary(codes, 1)).toBe(
      "“Access” tags 2 excerpts: choose the code that will tag them instead. Its 2 sub-codes move up to the top level.",
    );
  });

  it("says what a merge does", () => {
    expect(mergeSummary(codes, 1, 5)).toBe(
      "“Gender” will tag the 2 excerpts of “Access”, its 2 sub-codes move under it, and “Access” is deleted.",
    );
    expect(mergeSummary(codes, 1, 2)).toBe(
      "“Rural” will tag the 2 excerpts of “Access”, its sub-code moves under it, and “Access” is deleted.",
    );
    expect(mergeSummary(codes, 3, 5)).toBe(
      "“Gender” will tag the 0 excerpts of “Cost”, and “Cost” is deleted.",
    );
  });
});
