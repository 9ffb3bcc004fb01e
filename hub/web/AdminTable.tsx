// The hub's lists (sends, cases, consent, codes, devices, users, the audit log) as one kind of table:
// columns declared as data, the cell that names a row as its row header, dates written by hubTime.
import type { ComponentChildren } from 'preact';
import { type HubKey, h } from './messages';

export interface Column<Row> {
  /** The column's heading; none for a column of buttons. */
  header?: HubKey;
  cell: (row: Row) => ComponentChildren;
  /** This cell names the row (a screen reader reads it with every other cell of the row). */
  rowHeader?: boolean;
  class?: string;
}

export function AdminTable<Row>(props: {
  caption: HubKey;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** A wide list scrolls sideways in its own region. */
  scrolls?: boolean;
}) {
  const table = (
    <table>
      <caption class="visually-hidden">{h(props.caption)}</caption>
      <thead>
        <tr>
          {props.columns.map((c, i) =>
            c.header ? (
              <th key={c.header} scope="col">
                {h(c.header)}
              </th>
            ) : (
              <td key={i} />
            ),
          )}
        </tr>
      </thead>
      <tbody>
        {props.rows.map((row) => (
          <tr key={props.rowKey(row)}>
            {props.columns.map((c, i) =>
              c.rowHeader ? (
                <th key={i} scope="row" class={c.class}>
                  {c.cell(row)}
                </th>
              ) : (
                <td key={i} class={c.class}>
                  {c.cell(row)}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return props.scrolls ? (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls sideways, and a region that scrolls takes the focus so keys can scroll it (axe: scrollable-region-focusable)
    <section class="table-wrap" aria-label={h(props.caption)} tabIndex={0}>
      {table}
    </section>
  ) : (
    table
  );
}
