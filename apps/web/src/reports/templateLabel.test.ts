import { describe, expect, it } from "vitest";
import { templateSize } from "./templateLabel";

describe("templateSize", () => {
  it("says how many parts and sections a template starts with, singular or plural", () => {
    expect(templateSize({ parts: 2, sections: 19 })).toBe("2 parts, 19 sections");
    expect(templateSize({ parts: 1, sections: 1 })).toBe("1 part, 1 section");
  });
});
