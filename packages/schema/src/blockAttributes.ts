import { Extension } from "@tiptap/core";
import { anchorAttribute } from "./anchorAttribute";
import { isRightToLeft, languageFromHtml, validateLanguage } from "./unLanguages";

const captionText = (name: string) => ({
  default: "",
  validate: "string",
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? "",
  renderHTML: (attributes: Record<string, unknown>) =>
    attributes[name] ? { [`data-${name}`]: attributes[name] } : {},
});

/**
 * Attributes the report adds to StarterKit's and TableKit's nodes:
 * - `lang` on paragraphs and headings: one of the six UN languages set by hand, or null; without
 *   it the editor lets the browser find the direction from the text (`dir="auto"`) and the
 *   exporters detect the language from the script;
 * - `anchor` on paragraphs and tables: the target id of cross-references;
 * - `title`, `source` and `note` on tables: the caption above ("Table 1" and the title) and the
 *   lines below ("Source: ...", a note).
 */
export const BlockAttributes = Extension.create({
  name: "blockAttributes",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading"],
        attributes: {
          lang: {
            default: null,
            validate: validateLanguage,
            parseHTML: (element) => languageFromHtml(element.getAttribute("lang")),
            renderHTML: (attributes) =>
              attributes.lang
                ? { lang: attributes.lang, dir: isRightToLeft(attributes.lang) ? "rtl" : "ltr" }
                : { dir: "auto" },
          },
        },
      },
      { types: ["paragraph", "table"], attributes: { anchor: anchorAttribute } },
      {
        types: ["table"],
        attributes: {
          title: captionText("title"),
          source: captionText("source"),
          note: captionText("note"),
        },
      },
    ];
  },
});
