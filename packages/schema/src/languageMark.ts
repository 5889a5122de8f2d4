import { Mark, mergeAttributes } from "@tiptap/core";
import { isRightToLeft, validateLanguage } from "./unLanguages";

/** A span of text in one of the six UN languages, set by hand (`lang`, right to left for Arabic). */
export const LanguageMark = Mark.create({
  name: "language",
  addAttributes() {
    return {
      lang: {
        default: null,
        validate: validateLanguage,
        parseHTML: (element) => element.getAttribute("lang"),
        renderHTML: (attributes) => ({
          lang: attributes.lang,
          dir: isRightToLeft(attributes.lang) ? "rtl" : "ltr",
        }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[lang]" }];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes), 0];
  },
});
