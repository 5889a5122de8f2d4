import type { Element } from "@xmldom/xmldom";
import { attribute, childElement, childElements, childValue, nameOf } from "./wordElement";
import type { WordStyles } from "./wordStyles";

/** One level of a Word list: its number format (`bullet`, `decimal`, `lowerLetter`...) and text. */
export interface ListLevel {
  format: string;
  text: string;
  start: number;
}

type Levels = Map<number, ListLevel>;

/** The list definitions of a Word document (`word/numbering.xml`). */
export class WordNumbering {
  private constructor(
    private readonly abstracts: Map<string, { levels: Levels; styleLink?: string }>,
    private readonly nums: Map<string, { abstractId: string; overrides: Levels }>,
    private readonly styles: WordStyles,
  ) {}

  static parse(root: Element | undefined, styles: WordStyles): WordNumbering {
    const abstracts = new Map<string, { levels: Levels; styleLink?: string }>();
    const nums = new Map<string, { abstractId: string; overrides: Levels }>();
    for (const element of root ? childElements(root) : []) {
      const name = nameOf(element);
      if (name === "w:abstractNum") {
        const id = attribute(element, "w:abstractNumId");
        if (id === undefined) continue;
        abstracts.set(id, {
          levels: levelsOf(childElements(element)),
          styleLink: childValue(element, "w:numStyleLink"),
        });
      } else if (name === "w:num") {
        const id = attribute(element, "w:numId");
        const abstractId = childValue(element, "w:abstractNumId");
        if (id === undefined || abstractId === undefined) continue;
        const overrides = levelsOf(
          childElements(element)
            .filter((child) => nameOf(child) === "w:lvlOverride")
            .map((override) => childElement(override, "w:lvl"))
            .filter((lvl): lvl is Element => lvl !== undefined),
        );
        nums.set(id, { abstractId, overrides });
      }
    }
    return new WordNumbering(abstracts, nums, styles);
  }

  /** The level `ilvl` of list `numId`; `undefined` for `numId` 0 ("no numbering") or unknown. */
  level(numId: string, ilvl: number): ListLevel | undefined {
    let id: string | undefined = numId;
    // A list may point at a numbering style, which points at another list: follow a few hops.
    for (let hop = 0; hop < 5 && id !== undefined && id !== "0"; hop++) {
      const num = this.nums.get(id);
      if (!num) return undefined;
      const override = num.overrides.get(ilvl);
      if (override) return override;
      const abstract = this.abstracts.get(num.abstractId);
      if (!abstract) return undefined;
      const level = abstract.levels.get(ilvl);
      if (level) return level;
      if (!abstract.styleLink) return undefined;
      id = this.styles.numbering(abstract.styleLink)?.numId;
    }
    return undefined;
  }
}

function levelsOf(elements: Element[]): Levels {
  const levels: Levels = new Map();
  for (const lvl of elements) {
    if (nameOf(lvl) !== "w:lvl") continue;
    const ilvl = Number(attribute(lvl, "w:ilvl"));
    const format = childValue(lvl, "w:numFmt");
    if (!Number.isInteger(ilvl) || format === undefined) continue;
    const start = Number(childValue(lvl, "w:start") ?? 1);
    levels.set(ilvl, {
      format,
      text: childValue(lvl, "w:lvlText") ?? "",
      start: Number.isInteger(start) ? start : 1,
    });
  }
  return levels;
}
