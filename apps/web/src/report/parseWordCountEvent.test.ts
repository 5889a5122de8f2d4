import { describe, expect, it } from "vitest";
import { parseWordCountEvent } from "./parseWordCountEvent";

describe("parseWordCountEvent", () => {
  it("reads a section's new counts", () => {
    expect(parseWordCountEvent('{"sectionId":"p1-access","words":120,"footnoteWords":8}')).toEqual({
      sectionId: "p1-access",
      words: 120,
      footnoteWords: 8,
    });
  });

  it.each(["not json", "null", '{"sectionId":3,"words":1}', '{"sectionId":"x","words":"12"}'])(
    "ignores %j instead of showing a wrong count",
    (data) => {
      expect(parseWordCountEvent(data)).toBeNull();
    },
  );
});
