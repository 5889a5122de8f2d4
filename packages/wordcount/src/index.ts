export { countDocument, type DocumentCount } from "./countDocument";
export { countWords } from "./countWords";
