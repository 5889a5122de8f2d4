export { countBlock, countDocument, type DocumentCount } from "./countDocument";
export { countWords } from "./countWords";
export {
  type CountableNode,
  createDocumentCounter,
  type DocumentCounter,
} from "./createDocumentCounter";
