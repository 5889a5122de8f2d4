import { describe, expect, it } from "vitest";
import { MY_SECTIONS_KEY, mySectionsKey } from "./useMySectionsFilter";

describe("mySectionsKey", () => {
  it("remembers the My sections filter per report, the first report's where it always was", () => {
    expect(mySectionsKey(1)).toBe(MY_SECTIONS_KEY);
    expect(new Set([mySectionsKey(1), mySectionsKey(2), mySectionsKey(12)]).size).toBe(3);
  });
});
