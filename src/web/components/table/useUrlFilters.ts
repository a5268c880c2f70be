import { useSearchParams } from "react-router";
import { pageFrom } from "../pageFrom";

interface Options<K extends string> {
  /** A key's value when the URL has none (left out of the URL when chosen). */
  defaults?: Partial<Record<K, string>>;
  /** A value the URL may hold; anything else reads as the default. */
  valid?: Partial<Record<K, (value: string) => boolean>>;
}

/**
 * A list's filters and page kept in the URL search params (shareable; a filter change replaces the
 * history entry). A change of filters goes back to page 1 unless a page is given.
 */
export function useUrlFilters<K extends string>(keys: readonly K[], options: Options<K> = {}) {
  const [params, setParams] = useSearchParams();
  const defaults: Partial<Record<K, string>> = options.defaults ?? {};
  const read = (key: K): string => {
    const value = (params.get(key) ?? "").trim();
    const check = options.valid?.[key];
    return value && (!check || check(value)) ? value : (defaults[key] ?? "");
  };
  const values = Object.fromEntries(keys.map((k) => [k, read(k)])) as Record<K, string>;
  const page = pageFrom(params);

  function set(next: Partial<Record<K, string>>, nextPage = 1) {
    const merged = { ...values, ...next };
    const sp = new URLSearchParams();
    for (const key of keys) {
      const value = (merged[key] ?? "").trim();
      if (value && value !== (defaults[key] ?? "")) sp.set(key, value);
    }
    if (nextPage > 1) sp.set("page", String(nextPage));
    setParams(sp, { replace: true });
  }

  return {
    values,
    page,
    /** Some filters changed: back to page 1. */
    set,
    setPage: (next: number) => set({}, next),
    reset: () => setParams(new URLSearchParams(), { replace: true }),
    /** Any filter differs from its default. */
    filtered: keys.some((k) => values[k] !== (defaults[k] ?? "")),
  };
}
