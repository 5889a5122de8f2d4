import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { isAppLink, withoutAppLinks } from "./withoutAppLinks";

const APP = ["http://localhost:3000", "https://rapporteur.example.org"];

describe("isAppLink", () => {
  it.each([
    ["http://localhost:3000/sections/p1-access#fn1", true],
    ["https://rapporteur.example.org/review", true],
    ["http://localhost:3001/sections/p1-access", false],
    ["https://www.itu.int/", false],
    ["mailto:someone@example.org", false],
    ["not a url", false],
  ])("%s -> %s", (href, expected) => {
    expect(isAppLink(href, APP)).toBe(expected);
  });
});

describe("withoutAppLinks", () => {
  const link = (href: string) => ({ type: "link", attrs: { href } });
  const doc: DocJSON = {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "See ", marks: [] },
          { type: "text", text: "note 1", marks: [link("http://localhost:3000/sections/x#fn1")] },
          { type: "text", text: " and ", marks: [{ type: "bold" }] },
          { type: "text", text: "the ITU", marks: [{ type: "bold" }, link("https://www.itu.int")] },
        ],
      },
    ],
  };

  it("removes links to the app, keeps their text and every other mark and link", () => {
    const { doc: out, removed } = withoutAppLinks(doc, APP);
    expect(removed).toBe(1);
    expect(out.content?.[0]?.content).toEqual([
      { type: "text", text: "See " },
      { type: "text", text: "note 1" },
      { type: "text", text: " and ", marks: [{ type: "bold" }] },
      { type: "text", text: "the ITU", marks: [{ type: "bold" }, link("https://www.itu.int")] },
    ]);
    // The input is not changed.
    expect(doc.content?.[0]?.content?.[1]?.marks).toHaveLength(1);
  });

  it("changes nothing without app addresses", () => {
    expect(withoutAppLinks(doc, [])).toEqual({ doc, removed: 0 });
  });
});
