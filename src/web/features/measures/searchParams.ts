import { isOkvedSection } from "../../../shared/okved";
import { isTagSlug } from "../../../shared/tags";
import { pageFrom } from "../../components/pageFrom";
import type { MeasureSearchQuery } from "./queries";
import { AMOUNT_BUCKETS, MEASURE_FORMS, MEASURE_LEVELS, type MeasureSort, SORTS } from "./types";

/** The list facets kept in the URL as comma-separated values. */
export const LIST_FACETS = ["eligibility", "level", "form", "provider", "industry", "tag"] as const;
export type ListFacet = (typeof LIST_FACETS)[number];

/** Everything a navigator search is: kept in the URL so it can be shared. */
export interface NavigatorState {
  q: string;
  filters: Record<ListFacet, string[]>;
  openNow: boolean;
  amount: string | null;
  sort: MeasureSort;
  page: number;
}

const VERDICTS = ["eligible", "check", "not_eligible"];
const VALID: Record<ListFacet, (v: string) => boolean> = {
  eligibility: (v) => VERDICTS.includes(v),
  level: (v) => (MEASURE_LEVELS as readonly string[]).includes(v),
  form: (v) => (MEASURE_FORMS as readonly string[]).includes(v),
  provider: (v) => v.length > 0 && v.length <= 300,
  industry: (v) => isOkvedSection(v),
  tag: (v) => isTagSlug(v),
};

export const EMPTY_FILTERS: Record<ListFacet, string[]> = {
  eligibility: [],
  level: [],
  form: [],
  provider: [],
  industry: [],
  tag: [],
};

function list(params: URLSearchParams, facet: ListFacet): string[] {
  // providers may contain commas: they are repeated parameters, the others are joined with commas
  const raw = facet === "provider" ? params.getAll(facet) : params.getAll(facet).flatMap((v) => v.split(","));
  const values = raw.map((v) => v.trim()).filter((v) => v && VALID[facet](v));
  return [...new Set(values)].slice(0, 30);
}

/**
 * The order a viewer gets when the URL names none: a member with an active organization sees the
 * measures that fit it first ("verdict"), anyone else by relevance. The URL leaves out only this
 * viewer's default, so the sort box always says what the list shows and a chosen order is kept.
 */
export function defaultSort(member: boolean): MeasureSort {
  return member ? "verdict" : "relevance";
}

export function parseNavigatorParams(
  params: URLSearchParams,
  fallbackSort: MeasureSort = "relevance",
): NavigatorState {
  const sortParam = params.get("sort") ?? "";
  const sort = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as MeasureSort) : fallbackSort;
  const page = pageFrom(params);
  const amountParam = params.get("amount");
  const amount = AMOUNT_BUCKETS.some((b) => b.key === amountParam) ? amountParam : null;
  const filters = Object.fromEntries(LIST_FACETS.map((f) => [f, list(params, f)])) as Record<
    ListFacet,
    string[]
  >;
  return {
    q: (params.get("q") ?? "").trim().slice(0, 200),
    filters,
    openNow: params.get("openNow") === "true",
    amount,
    sort,
    page,
  };
}

/** The page's URL query: defaults (the viewer's default sort among them) left out. */
export function navigatorParams(
  state: NavigatorState,
  fallbackSort: MeasureSort = "relevance",
): URLSearchParams {
  const sp = new URLSearchParams();
  if (state.q) sp.set("q", state.q);
  for (const f of LIST_FACETS) {
    if (f === "provider") for (const p of state.filters.provider) sp.append("provider", p);
    else if (state.filters[f].length > 0) sp.set(f, state.filters[f].join(","));
  }
  if (state.openNow) sp.set("openNow", "true");
  if (state.amount) sp.set("amount", state.amount);
  if (state.sort !== fallbackSort) sp.set("sort", state.sort);
  if (state.page > 1) sp.set("page", String(state.page));
  return sp;
}

/** The page's "?…" (or "" for the whole catalog). */
export function navigatorSearch(state: NavigatorState, fallbackSort: MeasureSort = "relevance"): string {
  const sp = navigatorParams(state, fallbackSort).toString();
  return sp ? `?${sp}` : "";
}

/** The API query of a state (the amount bucket becomes amountMin/amountMax). */
export function apiQuery(state: NavigatorState, pageSize: number): MeasureSearchQuery {
  const bucket = AMOUNT_BUCKETS.find((b) => b.key === state.amount);
  return {
    q: state.q || undefined,
    ...state.filters,
    openNow: state.openNow || undefined,
    amountMin: bucket?.min ?? undefined,
    amountMax: bucket?.max ?? undefined,
    sort: state.sort === "relevance" ? undefined : state.sort,
    page: state.page > 1 ? state.page : undefined,
    pageSize,
  };
}

export function activeFilterCount(state: NavigatorState): number {
  return (
    LIST_FACETS.reduce((n, f) => n + state.filters[f].length, 0) +
    (state.openNow ? 1 : 0) +
    (state.amount ? 1 : 0)
  );
}
