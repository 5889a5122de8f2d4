import type { ReactNode } from "react";

/** One column heading of {@link TableHead}: its text, or the text with a class. */
export type TableColumn = ReactNode | { label: ReactNode; className?: string };

function isLabelled(column: TableColumn): column is { label: ReactNode; className?: string } {
  return typeof column === "object" && column !== null && "label" in column;
}

/** The heading row of a data table, one `<th scope="col">` per column. */
export function TableHead({ columns }: { columns: TableColumn[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
          <th key={index} scope="col" className={isLabelled(column) ? column.className : undefined}>
            {isLabelled(column) ? column.label : column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
