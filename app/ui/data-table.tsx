import type { ReactNode } from "react";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** The column that names the row (`<th scope="row">`), for screen readers moving across a row. */
  rowHeader?: boolean;
  className?: string;
  /** The language of the cell's text when it may differ from the page's. */
  lang?: (row: Row) => string | undefined;
}

/** A table of records with column headers, or `empty` when there is none. */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  empty,
  className = "data-table",
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Read by screen readers only: the section's heading already shows it. */
  caption?: string;
  empty?: ReactNode;
  className?: string;
}) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  return (
    <table className={className}>
      {caption ? <caption className="visually-hidden">{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th key={index} scope="col">
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((column, index) => {
              const Cell = column.rowHeader ? "th" : "td";
              return (
                <Cell key={index} scope={column.rowHeader ? "row" : undefined} className={column.className} lang={column.lang?.(row)}>
                  {column.cell(row)}
                </Cell>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
