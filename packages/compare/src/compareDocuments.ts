import type { DocJSON } from "@rapporteur/schema";
import { compareBlock } from "./compareBlocks";
import { CompareContext } from "./compareContext";
import type { CompareOptions } from "./compareOptions";

/**
 * Compares two versions of one section document and returns ONE document of the report schema
 * (extended by compareSchema) that holds both: text only the older version has carries a
 * `deletion` mark, text only the newer has an `insertion` mark (`attrs: { author, date }`), and
 * blocks that only one version has (paragraphs, headings, list items, table rows, tables, lists,
 * footnotes) are marked whole (`attrs.change` on blocks, the mark on footnote references).
 *
 * Pure. `acceptChanges` of the result gives the newer document, `rejectChanges` the older.
 */
export function compareDocuments(
  older: DocJSON,
  newer: DocJSON,
  options: CompareOptions = {},
): DocJSON {
  return compareBlock(older, newer, new CompareContext(options));
}
