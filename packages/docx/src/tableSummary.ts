import type { DocJSON } from "@rapporteur/schema";

/** A table's title and description, as Word's Alt Text of a table (`w:tblCaption`, `w:tblDescription`). */
export interface TableSummary {
  caption: string;
  description: string;
}

function plainText(node: DocJSON): string {
  if (node.type === "text") return node.text ?? "";
  // A footnote's text is not part of the cell's label.
  if (node.type === "footnote") return "";
  return (node.content ?? []).map(plainText).join(" ").replace(/\s+/g, " ").trim();
}

/**
 * What a screen reader says of a table before reading it: "Table 2" (and its title, if it has
 * one) and its shape, with the
 * column headings when the first row is a header row ("Columns: Region, 2005, 2025. 2 rows of
 * data.").
 */
export function tableSummary(table: DocJSON, number: number): TableSummary {
  const rows = table.content ?? [];
  const first = rows[0]?.content ?? [];
  const hasHeader = first.length > 0 && first.every((cell) => cell.type === "tableHeader");
  const dataRows = rows.length - (hasHeader ? 1 : 0);
  const rowsText = `${dataRows} ${dataRows === 1 ? "row" : "rows"} of data`;
  const description = hasHeader
    ? `Columns: ${first.map((cell) => plainText(cell) || "(empty)").join(", ")}. ${rowsText}.`
    : `${first.length} ${first.length === 1 ? "column" : "columns"}, ${rowsText}, no header row.`;
  const title = typeof table.attrs?.title === "string" ? table.attrs.title.trim() : "";
  return { caption: title ? `Table ${number}: ${title}` : `Table ${number}`, description };
}
