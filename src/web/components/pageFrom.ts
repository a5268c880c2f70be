/**
 * The page a list's address asks for (`?page=`): a whole number from 1; anything else is page 1. Apart
 * from the Pager so that a page's address parsing does not pull the pagination into its first paint.
 */
export function pageFrom(params: URLSearchParams): number {
  return Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);
}
