export { type FromHtmlOptions, fromHtml, type HtmlImportResult } from "./fromHtml";
export { fromPlainText } from "./fromPlainText";
export { HtmlImportError, type HtmlImportErrorId } from "./htmlImportError";
export { MAX_HTML_CHARS, MAX_TEXT_CHARS } from "./importLimits";
export { looksLikeMarkdown } from "./looksLikeMarkdown";
export { isAppLink, withoutAppLinks } from "./withoutAppLinks";
