import { Skeleton, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { ProblemAlert } from "./ProblemAlert";

interface Props<T> {
  /** The query's state: an error is shown as the server's problem, loading as a placeholder. */
  query: { isPending: boolean; isError: boolean; error: unknown };
  /** The list to show, once loaded (undefined until then). */
  items: readonly T[] | undefined;
  /** The loading placeholder's height. */
  skeleton: number;
  /** Several placeholders of that height, one a card, for a list of cards. */
  rows?: number;
  /** What a loaded, empty list shows. */
  empty: ReactNode;
  /** The loaded, non-empty list. */
  children(items: readonly T[]): ReactNode;
}

/** A list from a query, in its four states: failed, loading, empty, or its items. */
export function QueryList<T>({ query, items, skeleton, rows, empty, children }: Props<T>) {
  return (
    <>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending &&
        (rows ? (
          <Stack gap="sm" aria-hidden="true">
            {Array.from({ length: rows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: placeholders with nothing else to tell them apart
              <Skeleton key={i} height={skeleton} />
            ))}
          </Stack>
        ) : (
          <Skeleton height={skeleton} aria-hidden="true" />
        ))}
      {items && items.length === 0 && empty}
      {items && items.length > 0 && children(items)}
    </>
  );
}
