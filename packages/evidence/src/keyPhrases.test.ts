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

  it("splits Chinese and Japanese into words and keeps phrases of 2 to 4 of them", () => {
    const chinese = [
      "数字经济的发展需要数字技能。",
      "我们认为数字经济和互联网治理同样重要。",
      "互联网治理需要多方参与，数字经济也是。",
    ];
    const zh = keyPhrases(chinese, { language: "zh" });
    // Written as in the text, without spaces; counted once per text.
    expect(zh.find((p) => p.phrase === "数字经济")?.texts).toEqual([0, 1, 2]);
    expect(zh.find((p) => p.phrase === "互联网治理")?.texts).toEqual([1, 2]);
    // Stop words never start or end a phrase; no phrase spans the comma.
    for (const { phrase } of zh) {
      expect(phrase).not.toMatch(/^(的|和|我们|也)|(的|和|也|是)$/);
      expect(phrase).not.toContain("，");
    }
    expect(zh[0]?.phrase).toBe("数字经济");
    const japanese = [
      "デジタル経済の発展には、デジタルスキルが必要です。",
      "デジタルスキルとデジタル経済の発展を重視する。",
    ];
    const ja = keyPhrases(japanese, { language: "ja" }).map((p) => p.phrase);
    expect(ja).toEqual(
      expect.arrayContaining(["デジタル経済", "デジタルスキル", "デジタル経済の発展"]),
    );
    expect(ja.every((phrase) => !/^(の|が|と|を)|(の|が|と|を|です)$/.test(phrase))).toBe(true);
  });

  it("keeps spaces between words of mixed text and reads Chinese with every list", () => {
    const texts = ["推动 5G网络 建设，AI governance matters.", "5G网络覆盖; AI governance rules."];
    const phrases = keyPhrases(texts).map((p) => [p.phrase, p.texts.length]);
    expect(phrases).toEqual(
      expect.arrayContaining([
        ["5G网络", 2],
        ["AI governance", 2],
      ]),
    );
  });
});
