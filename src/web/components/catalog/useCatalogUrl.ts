import { useDebouncedValue } from "@mantine/hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";

/** What every catalog's URL state has: the search text and the page. */
export interface CatalogState {
  q: string;
  page: number;
}

const SEARCH_DEBOUNCE_MS = 300;

/**
 * A catalog's whole state lives in the URL search params (shareable, survives back/forward):
 * `state` is what the URL says, `view` shows a click at once (the router applies a navigation as a
 * transition), `go` changes it (back to page 1 unless a page is given). The search text is typed
 * into `text` and reaches the URL after a pause; consecutive edits replace one history entry.
 */
export function useCatalogUrl<S extends CatalogState>(
  parse: (params: URLSearchParams) => S,
  toSearch: (state: S) => string,
) {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const state = useMemo(() => parse(params), [params, parse]);
  const [view, setView] = useState(state);
  useEffect(() => setView(state), [state]);

  const [text, setText] = useState(state.q);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  /** The q this page put into the URL itself; any other change of q came from history or a link. */
  const ownQ = useRef(state.q);
  /** True while the user keeps typing: the next text replaces the history entry. */
  const typing = useRef(false);

  function navigateTo(next: Partial<S>, replace: boolean) {
    const merged = { ...view, q: state.q, page: 1, ...next } as S;
    setView(merged);
    navigate({ search: toSearch(merged) }, { replace });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    const q = debounced.trim();
    if (q === state.q) return;
    ownQ.current = q;
    navigateTo({ q } as Partial<S>, typing.current);
    typing.current = true;
  }, [debounced]);

  // q changed by the browser's history or a link: show it in the field
  useEffect(() => {
    if (state.q !== ownQ.current) {
      ownQ.current = state.q;
      typing.current = false;
      setText(state.q);
    }
  }, [state.q]);

  return {
    state,
    view,
    text,
    setText,
    /** A user's change of filters, sort or page. */
    go(next: Partial<S>) {
      typing.current = false;
      navigateTo(next, false);
    },
    /** Enter in the search box: search now. */
    submit() {
      const q = text.trim();
      if (q === state.q) return;
      ownQ.current = q;
      typing.current = false;
      navigateTo({ q } as Partial<S>, false);
    },
    /** Back to the whole catalog: no text, no filters. */
    reset() {
      typing.current = false;
      ownQ.current = "";
      setText("");
      navigate({ search: "" });
    },
  };
}
