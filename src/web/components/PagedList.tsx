import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { Pager } from "./Pager";
import { QueryList } from "./QueryList";

/** A page of a list answer: items with page, pageSize and total. */
interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

interface Props<T> {
  data: Page<T>;
  /** The list's accessible name. */
  label: string;
  /** A refetch is under way (the list is marked busy meanwhile). */
  busy?: boolean;
  /** Each item as a card (`<li>` or an element rendering one). */
  children: (item: T) => ReactNode;
  onPage: (page: number) => void;
}

/** A page of cards as a labelled list, with the pager below; a new page scrolls back to the top. */
export function PagedList<T>({ data, label, busy = false, children, onPage }: Props<T>) {
  return (
    <div>
      <Stack
        gap="sm"
        component="ul"
        aria-label={label}
        aria-busy={busy}
        style={{ listStyle: "none", padding: 0, margin: 0 }}
      >
        {data.items.map(children)}
      </Stack>
      <Pager
        page={data.page}
        pageSize={data.pageSize}
        total={data.total}
        onChange={(p) => {
          onPage(p);
          window.scrollTo(0, 0);
        }}
      />
    </div>
  );
}

interface QueryProps<T> extends Omit<Props<T>, "data" | "busy"> {
  /** The query of the current page (marked busy while it refetches). */
  query: { isPending: boolean; isError: boolean; error: unknown; isFetching: boolean; data?: Page<T> };
  /** Height of each of `rows` loading placeholders. */
  skeleton: number;
  rows: number;
  /** What an empty list shows (an `EmptyState`). */
  empty: ReactNode;
}

/** A `PagedList` of a query's page, with its error, loading placeholders and empty state (`QueryList`). */
export function QueryPagedList<T>({ query, skeleton, rows, empty, ...list }: QueryProps<T>) {
  const data = query.data;
  return (
    <QueryList query={query} items={data?.items} skeleton={skeleton} rows={rows} empty={empty}>
      {() => data && <PagedList data={data} busy={query.isFetching} {...list} />}
    </QueryList>
  );
}
