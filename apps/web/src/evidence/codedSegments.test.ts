import type { CodedExcerpt } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { codedSegments } from "./codedSegments";

const excerpt = (id: number, start: number, end: number): CodedExcerpt => ({
  id,
  sourceId: 1,
  sourceTitle: "S",
  field: "text",
  start,
  end,
  quote: "",
  codes: [1],
  by: "d",
  at: "",
});

describe("codedSegments", () => {
  it("cuts the text where excerpts start and end, overlapping ones covering a run together", () => {
    const segments = codedSegments("Rural broadband is scarce", [
      excerpt(1, 0, 15),
      excerpt(2, 6, 18),
    ]);
    expect(segments.map((s) => [s.text, s.excerpts.map((e) => e.id)])).toEqual([
      ["Rural ", [1]],
      ["broadband", [1, 2]],
      [" is", [2]],
      [" scarce", []],
    ]);
  });

  it("gives the whole text uncoded without excerpts", () => {
    expect(codedSegments("abc", [])).toEqual([{ text: "abc", start: 0, excerpts: [] }]);
  });
});
