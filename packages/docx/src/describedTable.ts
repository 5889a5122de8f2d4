import { StringValueElement, type Table, type XmlComponent } from "docx";
import type { TableSummary } from "./tableSummary";

/**
 * Gives a table Word's Alt Text (title `w:tblCaption` and description `w:tblDescription`, at the
 * end of its `w:tblPr`, where the schema puts them): `docx` has no option for them.
 */
export function describedTable(table: Table, { caption, description }: TableSummary): Table {
  // The table's first child is its w:tblPr (docx builds it first, always).
  const properties = (table as unknown as { root: XmlComponent[] }).root[0];
  if (!properties) throw new Error("A table without properties");
  properties.addChildElement(new StringValueElement("w:tblCaption", caption));
  properties.addChildElement(new StringValueElement("w:tblDescription", description));
  return table;
}
