import { Card, Skeleton, Stack, Table } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import { type CSSProperties, Fragment, type ReactNode } from "react";
import { Pager } from "../Pager";
import { ProblemAlert } from "../ProblemAlert";
import { ScrollTable } from "./ScrollTable";

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  style?: CSSProperties;
}

/** A page of rows as every list endpoint answers. */
export interface TablePage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  /** More rows exist than `total` says (the server stopped counting). */
  totalCapped?: boolean;
}

interface Props<D extends TablePage<unknown>> {
  /** Names the scrollable table region for screen readers. */
  label: string;
  columns: Column<D["items"][number]>[];
  query: UseQueryResult<D>;
  rowKey: (row: D["items"][number]) => string;
  /** Below this width the table scrolls sideways (phones) instead of squeezing. */
  minWidth: number;
  striped?: boolean;
  /** The filter form above the table. */
  filters?: ReactNode;
  /** Shown when the page has no rows. */
  empty: ReactNode;
  onPage: (page: number) => void;
  /** A full-width row under a row (details), or null. */
  expansion?: (row: D["items"][number]) => { id: string; content: ReactNode } | null;
  /**
   * On a narrow screen (below 48em) the rows are a list of cards instead of a sideways-scrolling table:
   * the first column is the card's heading, the others its facts (header: value). CSS picks the one
   * shown (no `window` during render, so a server-rendered page has both and the right one shows).
   */
  cardsOnPhone?: boolean;
}

/**
 * A list as a table: its filters, an error or a loading placeholder, an empty state, rows that scroll
 * sideways on a phone (a focusable region, so the keyboard can scroll it), and pages.
 */
export function DataTable<D extends TablePage<unknown>>(props: Props<D>) {
  const { query, columns } = props;
  const data = query.data;
  return (
    <>
      {props.filters}
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending && <Skeleton height={240} />}
      {data && data.items.length === 0 && props.empty}
      {data && data.items.length > 0 && (
        <div>
          {props.cardsOnPhone && (
            <RowCards label={props.label} columns={columns} rows={data.items} rowKey={props.rowKey} />
          )}
          <div className={props.cardsOnPhone ? "only-wide" : undefined}>
            <ScrollTable
              label={props.label}
              minWidth={props.minWidth}
              headers={Object.fromEntries(columns.map((c) => [c.key, c.header]))}
              striped={props.striped ?? true}
              highlightOnHover={props.striped ?? true}
              verticalSpacing="sm"
              aria-busy={query.isFetching}
            >
              {data.items.map((row) => {
                const extra = props.expansion?.(row) ?? null;
                return (
                  <Fragment key={props.rowKey(row)}>
                    <Table.Tr>
                      {columns.map((c) => (
                        <Table.Td key={c.key} style={c.style}>
                          {c.cell(row)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                    {extra && (
                      <Table.Tr id={extra.id}>
                        <Table.Td colSpan={columns.length}>{extra.content}</Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </ScrollTable>
          </div>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            totalCapped={data.totalCapped}
            onChange={props.onPage}
          />
        </div>
      )}
    </>
  );
}

/** The rows as cards (a named list): the first column heads each card, the others are its facts. */
function RowCards<T>({
  label,
  columns,
  rows,
  rowKey,
}: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
}) {
  const [head, ...rest] = columns;
  if (!head) return null;
  return (
    <Stack
      component="ul"
      aria-label={label}
      gap="sm"
      p={0}
      m={0}
      className="only-narrow"
      style={{ listStyle: "none" }}
    >
      {rows.map((row) => (
        <Card component="li" withBorder padding="md" key={rowKey(row)}>
          <div>{head.cell(row)}</div>
          <dl className="facts" style={{ marginTop: "var(--mantine-spacing-xs)" }}>
            {rest.map((c) => (
              <div key={c.key}>
                <dt>{c.header}</dt>
                <dd>{c.cell(row)}</dd>
              </div>
            ))}
          </dl>
        </Card>
      ))}
    </Stack>
  );
}

/** The empty state of a list: a sentence and, when filters hide everything, a way to reset them. */
export function TableEmpty({ text, action }: { text: ReactNode; action?: ReactNode }) {
  return (
    <Stack gap="xs" align="flex-start">
      {text}
      {action}
    </Stack>
  );
}
