import { Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { Pager } from "./Pager";

interface Props<T> {
  /** A page of a list answer: items with page, pageSize and total. */
  data: { items: T[]; page: number; pageSize: number; total: number };
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
