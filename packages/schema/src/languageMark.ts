import { Mark, mergeAttributes } from "@tiptap/core";
import { isRightToLeft, languageFromHtml, validateLanguage } from "./unLanguages";

/** A span of text in one of the six UN languages, set by hand (`lang`, right to left for Arabic). */
export const LanguageMark = Mark.create({
  name: "language",
  addAttributes() {
    return {
      lang: {
        default: null,
        validate: validateLanguage,
        parseHTML: (element) => languageFromHtml(element.getAttribute("lang")),
        renderHTML: (attributes) => ({
          lang: attributes.lang,
          dir: isRightToLeft(attributes.lang) ? "rtl" : "ltr",
        }),
      },
    };
  },
  parseHTML() {
    // Only spans in one of the six languages become a language mark; other tags are dropped.
    return [
      {
        tag: "span[lang]",
        getAttrs: (element) => (languageFromHtml(element.getAttribute("lang")) ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes), 0];
  },
});
