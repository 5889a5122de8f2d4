import type { Element } from "@xmldom/xmldom";
import { attribute, childElement, childElements, childValue, nameOf, toggle } from "./wordElement";

/** A paragraph's or a style's list numbering: `w:numPr`. */
export interface NumberingReference {
  numId: string;
  ilvl?: number;
}

interface WordStyle {
  id: string;
  /** Lower-cased style name, e.g. `heading 1`, `title`, `quote`. */
  name: string;
  type: string;
  basedOn?: string;
  outlineLevel?: number;
  numbering?: NumberingReference;
  bold?: boolean;
  italic?: boolean;
}

/** The styles of a Word document (`word/styles.xml`), resolved through their `basedOn` chains. */
export class WordStyles {
  private constructor(
    private readonly byId: Map<string, WordStyle>,
    /** Id of the default paragraph style (Word's "Normal"). */
    readonly defaultParagraph: string | undefined,
  ) {}

  static parse(root: Element | undefined): WordStyles {
    const byId = new Map<string, WordStyle>();
    let defaultParagraph: string | undefined;
    for (const element of root ? childElements(root) : []) {
      if (nameOf(element) !== "w:style") continue;
      const id = attribute(element, "w:styleId");
      if (!id) continue;
      const type = attribute(element, "w:type") ?? "paragraph";
      const pPr = childElement(element, "w:pPr");
      const rPr = childElement(element, "w:rPr");
      const outline = Number(childValue(pPr, "w:outlineLvl"));
      byId.set(id, {
        id,
        type,
        name: (childValue(element, "w:name") ?? id).toLowerCase(),
        basedOn: childValue(element, "w:basedOn"),
        outlineLevel:
          Number.isInteger(outline) && outline >= 0 && outline < 9 ? outline : undefined,
        numbering: numberingOf(pPr),
        bold: toggle(childElement(rPr, "w:b")),
        italic: toggle(childElement(rPr, "w:i")),
      });
      const isDefault = ["1", "true", "on"].includes(attribute(element, "w:default") ?? "");
      if (type === "paragraph" && isDefault) defaultParagraph = id;
    }
    return new WordStyles(byId, defaultParagraph);
  }

  /** Whether a style with this id exists. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The style and the styles it is based on, nearest first (cycles cut). */
  chain(id: string | undefined): { id: string; name: string }[] {
    const out: WordStyle[] = [];
    let next = id;
    while (next && out.length < 20) {
      const style = this.byId.get(next);
      if (!style || out.includes(style)) break;
      out.push(style);
      next = style.basedOn;
    }
    if (out.length === 0 && id) return [{ id, name: id.toLowerCase() }];
    return out;
  }

  /**
   * Outline level (0 for Heading 1) given by the style: its name `heading N`, or an outline level
   * set in it or in a style it is based on. `title` for Word's Title style.
   */
  headingLevel(id: string | undefined): number | "title" | undefined {
    for (const style of this.chain(id)) {
      const named = /^heading\s*([1-9])$/.exec(style.name) ?? /^heading([1-9])$/i.exec(style.id);
      if (named) return Number(named[1]) - 1;
      if (style.name === "title") return "title";
      const outline = this.byId.get(style.id)?.outlineLevel;
      if (outline !== undefined) return outline;
    }
    return undefined;
  }

  /** The list numbering a paragraph style applies (Word's List Bullet, List Number...). */
  numbering(id: string | undefined): NumberingReference | undefined {
    for (const style of this.chain(id)) {
      const numbering = this.byId.get(style.id)?.numbering;
      if (numbering) return numbering;
    }
    return undefined;
  }

  /** Bold and italic set by a character style (Strong, Emphasis...), through its chain. */
  runFormat(id: string | undefined): { bold?: boolean; italic?: boolean } {
    let bold: boolean | undefined;
    let italic: boolean | undefined;
    for (const style of this.chain(id)) {
      const found = this.byId.get(style.id);
      bold ??= found?.bold;
      italic ??= found?.italic;
    }
    return { bold, italic };
  }
}

/** Reads `w:numPr` of a paragraph or style properties element. */
export function numberingOf(pPr: Element | undefined): NumberingReference | undefined {
  const numPr = childElement(pPr, "w:numPr");
  if (!numPr) return undefined;
  const numId = childValue(numPr, "w:numId");
  if (numId === undefined) return undefined;
  const ilvl = Number(childValue(numPr, "w:ilvl"));
  return { numId, ...(Number.isInteger(ilvl) && ilvl >= 0 ? { ilvl: Math.min(ilvl, 8) } : {}) };
}
