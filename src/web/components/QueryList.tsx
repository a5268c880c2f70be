import { Skeleton } from "@mantine/core";
import type { ReactNode } from "react";
import { ProblemAlert } from "./ProblemAlert";

interface Props<T> {
  /** The query's state: an error is shown as the server's problem, loading as a placeholder. */
  query: { isPending: boolean; isError: boolean; error: unknown };
  /** The list to show, once loaded (undefined until then). */
  items: readonly T[] | undefined;
  /** The loading placeholder's height. */
  skeleton: number;
  /** What a loaded, empty list shows. */
  empty: ReactNode;
  /** The loaded, non-empty list. */
  children(items: readonly T[]): ReactNode;
}

/** A list from a query, in its four states: failed, loading, empty, or its items. */
export function QueryList<T>({ query, items, skeleton, empty, children }: Props<T>) {
  return (
    <>
      {query.isError && <ProblemAlert error={query.error} />}
      {query.isPending && <Skeleton height={skeleton} aria-hidden="true" />}
      {items && items.length === 0 && empty}
      {items && items.length > 0 && children(items)}
    </>
  );
}
