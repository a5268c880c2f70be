import { lazyPart } from "./lazyPart";

/**
 * The pager of a public list, fetched right after the page's own code (see lazyPart): it is below
 * the list, so Mantine's Pagination (~3.4 kB of gzip) is not in the page's first-load JavaScript.
 */
export const LazyPager = lazyPart(() => import("./Pager").then((m) => m.Pager));
