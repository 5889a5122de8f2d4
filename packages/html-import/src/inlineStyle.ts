/** Bold and italic as set by an element's inline `style` (undefined: not set there). */
export interface StyleMarks {
  bold?: boolean;
  italic?: boolean;
}

/**
 * Reads `font-weight` and `font-style` from an inline style, as Google Docs and Word write them
 * (`font-weight:700`, `font-weight:normal` on Google's outer `<b>`, `font-style:italic`). Other
 * properties (`mso-bidi-font-weight`, colours, fonts) are ignored.
 */
export function inlineStyleMarks(style: unknown): StyleMarks {
  const marks: StyleMarks = {};
  if (typeof style !== "string") return marks;
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon === -1) continue;
    const property = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, "")
      .trim()
      .toLowerCase();
    if (property === "font-weight") {
      if (/^(bold|bolder|[6-9]00)$/.test(value)) marks.bold = true;
      else if (/^(normal|lighter|[1-5]00)$/.test(value)) marks.bold = false;
    } else if (property === "font-style") {
      if (/^(italic|oblique)/.test(value)) marks.italic = true;
      else if (value === "normal") marks.italic = false;
    }
  }
  return marks;
}

/** The value of one property of an inline style, lower-cased (`mso-list`, `mso-element`...). */
export function styleProperty(style: unknown, name: string): string | undefined {
  if (typeof style !== "string") return undefined;
  for (const declaration of style.split(";")) {
    const colon = declaration.indexOf(":");
    if (colon !== -1 && declaration.slice(0, colon).trim().toLowerCase() === name) {
      return declaration
        .slice(colon + 1)
        .trim()
        .toLowerCase();
    }
  }
  return undefined;
}
