import { describe, expect, it } from "vitest";
import { languageFromHtml } from "./unLanguages";

describe("languageFromHtml", () => {
  // Word writes "EN-GB" on nearly every span: a paste must never be refused for a lang attribute.
  it.each([
    ["EN-GB", "en"],
    ["fr-CA", "fr"],
    ["ar-SA", "ar"],
    ["zh_Hans", "zh"],
    [" es ", "es"],
    ["RU", "ru"],
    ["de-DE", null],
    ["x-none", null],
    ["", null],
    [null, null],
  ])("reads %j as %j", (value, language) => {
    expect(languageFromHtml(value)).toBe(language);
  });
});
