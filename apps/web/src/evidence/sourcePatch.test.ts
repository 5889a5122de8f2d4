import type { Source } from "@rapporteur/api";
import { describe, expect, it } from "vitest";
import { sourceDetailsForm, sourcePatch } from "./sourcePatch";

const source: Source = {
  id: 7,
  kind: "literature",
  contributor: null,
  ref: "itu2024",
  title: "Measuring digital development",
  author: null,
  organisation: "ITU",
  group: "international_organisation",
  country: null,
  region: null,
  language: "en",
  date: "2024",
  symbol: null,
  url: null,
  actionLines: ["C2"],
  sdgs: [9],
  tags: ["statistics"],
  answers: {},
  extra: {},
  text: "…",
  filename: "zotero.json",
  importedAt: "2026-12-07T10:00:00.000Z",
  importedBy: "editor",
};

describe("sourcePatch", () => {
  it("sends nothing when nothing was changed", () => {
    expect(sourcePatch(source, sourceDetailsForm(source))).toEqual({});
  });

  it("sends only the changed fields, blanks as null and lists parsed", () => {
    const form = {
      ...sourceDetailsForm(source),
      title: "  Measuring digital development 2024 ",
      organisation: " ",
      url: "https://www.itu.int/facts",
      group: "" as const,
      actionLines: "c2, C7",
      sdgs: "SDG 9, 5",
      tags: "statistics, , gender",
    };
    expect(sourcePatch(source, form)).toEqual({
      title: "Measuring digital development 2024",
      organisation: null,
      url: "https://www.itu.int/facts",
      group: null,
      actionLines: ["C2", "C7"],
      sdgs: [9, 5],
      tags: ["statistics", "gender"],
    });
  });
});
