import { describe, expect, it } from "vitest";
import { keyPhrases } from "./keyPhrases";

const phrasesOf = (texts: string[], options = {}) =>
  keyPhrases(texts, { language: "en", ...options }).map((p) => [p.phrase, p.texts.length]);

describe("keyPhrases", () => {
  it.each([
    {
      name: "drops stop words at the edges, keeps them inside",
      texts: ["The access to information matters.", "Access to information for all."],
      options: { min: 3, max: 3 },
      expected: [["access to information", 2]],
    },
    {
      name: "counts a phrase once per text, not per occurrence",
      texts: [
        "Digital divide here; digital divide there; digital divide everywhere.",
        "A digital divide remains.",
        "Nothing relevant.",
      ],
      options: { min: 2, max: 2 },
      expected: [["digital divide", 2]],
    },
    {
      name: "folds case and diacritics but shows the most common surface form",
      texts: ["Société civile active.", "la societe civile", "La Société civile forte."],
      options: { language: "fr", min: 2, max: 2 },
      expected: [["Société civile", 3]],
    },
    {
      name: "never spans a clause break",
      texts: ["Digital. Divide rules.", "Digital, divide rules."],
      options: { min: 2, max: 2 },
      expected: [["Divide rules", 2]],
    },
    {
      name: "drops Spanish stop words at the edges",
      texts: ["La brecha digital de los países.", "Reducir la brecha digital."],
      options: { language: "es", min: 2, max: 3 },
      expected: [["brecha digital", 2]],
    },
  ])("$name", ({ texts, options, expected }) => {
    expect(phrasesOf(texts, options)).toEqual(expected);
  });

  it("sorts by texts then longer phrases first, and honours limit and minTexts", () => {
    const texts = [
      "meaningful connectivity for rural schools",
      "meaningful connectivity for rural schools",
      "meaningful connectivity",
    ];
    const all = keyPhrases(texts, { language: "en", min: 2, max: 5, minTexts: 2 });
    expect(all[0]).toMatchObject({ phrase: "meaningful connectivity", texts: [0, 1, 2] });
    expect(all[1]?.phrase).toBe("meaningful connectivity for rural schools");
    expect(keyPhrases(texts, { language: "en", limit: 1 })).toHaveLength(1);
    expect(keyPhrases(texts, { language: "en", minTexts: 3 }).map((p) => p.phrase)).toEqual([
      "meaningful connectivity",
    ]);
  });
});
