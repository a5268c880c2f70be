import { Table, type TableProps } from "@mantine/core";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";

interface Props extends Omit<TableProps, "children"> {
  /** Names the scrollable table region for screen readers. */
  label: string;
  /** Below this width the table scrolls sideways (phones) instead of squeezing. */
  minWidth: number;
  /** The column headers in order, by a key each. */
  headers: Record<string, ReactNode>;
  /** The rows (`Table.Tr`). */
  children: ReactNode;
}

/**
 * A table whose rows scroll sideways on a phone: a focusable, named region (so the keyboard can scroll
 * it), column headers, then the rows. `DataTable` builds on it for paged lists.
 */
export function ScrollTable({ label, minWidth, headers, children, ...table }: Props) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
      <Table {...table}>
        <Table.Thead>
          <Table.Tr>
            {Object.entries(headers).map(([key, header]) => (
              <Table.Th key={key} scope="col">
                {header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Column headers whose texts are `<prefix>.<key>` in the catalogue, in the given order:
 * `headers={{ ...translatedHeaders(t, "devmail", ["subject", "to"]), actions: … }}`.
 */
export function translatedHeaders(
  t: TFunction,
  prefix: string,
  keys: readonly string[],
): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)]));
}
