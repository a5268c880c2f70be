import { type ComponentType, lazy, Suspense } from "react";

/**
 * A part of a page fetched after the page's own code (a catalog's facets, its pager): it is not in
 * the JavaScript a public page needs before its first paint. The server renders it with the page
 * (entry.server.tsx waits for every lazy part); in the browser React hydrates the rest of the page
 * first and keeps the part's server markup until its code arrives, then hydrates it — the markup stays
 * the same. Rendered in the browser alone (a signed-in visit, a navigation), the part shows when its
 * code arrives.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Part = lazy(() => load().then((component) => ({ default: component })));
  return function LazyPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Part {...props} />
      </Suspense>
    );
  };
}
