import type { DocJSON } from "@rapporteur/schema";
import { describe, expect, it } from "vitest";
import { tableSummary } from "./tableSummary";

const cell = (type: string, text: string): DocJSON => ({
  type,
  content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }],
});
const row = (type: string, ...texts: string[]): DocJSON => ({
  type: "tableRow",
  content: texts.map((t) => cell(type, t)),
});
const table = (...rows: DocJSON[]): DocJSON => ({ type: "table", content: rows });

describe("tableSummary", () => {
  const cases: [string, DocJSON, number, { caption: string; description: string }][] = [
    [
      "header row: its column headings",
      table(row("tableHeader", "Region", "2005"), row("tableCell", "Africa", "2%")),
      1,
      { caption: "Table 1", description: "Columns: Region, 2005. 1 row of data." },
    ],
    [
      "no header row: its shape",
      table(row("tableCell", "a", "b", "c"), row("tableCell", "d", "e", "f")),
      3,
      { caption: "Table 3", description: "3 columns, 2 rows of data, no header row." },
    ],
    [
      "an empty heading cell is named",
      table(
        row("tableHeader", "", "Total"),
        row("tableCell", "x", "1"),
        row("tableCell", "y", "2"),
      ),
      2,
      { caption: "Table 2", description: "Columns: (empty), Total. 2 rows of data." },
    ],
    [
      "a titled table: its title after the number",
      {
        ...table(row("tableHeader", "Year"), row("tableCell", "2025")),
        attrs: { title: " Internet use by region " },
      },
      4,
      { caption: "Table 4: Internet use by region", description: "Columns: Year. 1 row of data." },
    ],
  ];
  for (const [name, node, number, expected] of cases) {
    it(name, () => expect(tableSummary(node, number)).toEqual(expected));
  }
});
