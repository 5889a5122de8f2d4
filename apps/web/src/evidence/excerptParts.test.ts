import { describe, expect, it } from "vitest";
import { excerptParts } from "./excerptParts";

describe("excerptParts", () => {
  it("reads plain text as one unmarked run", () => {
    expect(excerptParts("Access to broadband")).toEqual([
      { text: "Access to broadband", marked: false },
    ]);
  });

  it("turns <mark> spans into marked runs", () => {
    expect(
      excerptParts("the <mark>digital divide</mark> persists in <mark>rural</mark> areas"),
    ).toEqual([
      { text: "the ", marked: false },
      { text: "digital divide", marked: true },
      { text: " persists in ", marked: false },
      { text: "rural", marked: true },
      { text: " areas", marked: false },
    ]);
  });

  it("decodes the escaped characters, so they show as written", () => {
    expect(
      excerptParts("R&amp;D &lt;b&gt;bold&lt;/b&gt; &quot;q&quot; &#39;s&#x27; caf&#233;"),
    ).toEqual([{ text: "R&D <b>bold</b> \"q\" 's' café", marked: false }]);
  });

  it("keeps any other tag as visible text, never markup", () => {
    expect(excerptParts('<img src=x onerror="alert(1)"><mark>x</mark>')).toEqual([
      { text: '<img src=x onerror="alert(1)">', marked: false },
      { text: "x", marked: true },
    ]);
  });

  it("shows an unclosed or stray mark tag as text", () => {
    expect(excerptParts("a <mark>b")).toEqual([{ text: "a <mark>b", marked: false }]);
    expect(excerptParts("a </mark>b")).toEqual([{ text: "a </mark>b", marked: false }]);
    expect(excerptParts("<mark>a<mark>b</mark>")).toEqual([
      { text: "<mark>a", marked: false },
      { text: "b", marked: true },
    ]);
  });

  it("leaves unknown or invalid references as they are", () => {
    expect(excerptParts("&nbsp; &#0; &#xD800; &bogus")).toEqual([
      { text: "&nbsp; &#0; &#xD800; &bogus", marked: false },
    ]);
  });
});
