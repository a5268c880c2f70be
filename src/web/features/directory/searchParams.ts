import { isOkvedSection } from "../../../shared/okved";
import { ORG_STATUSES, ORG_TYPES, SME_CATEGORIES } from "../../../shared/organizations";
import { COUNTRIES, isRegionCode } from "../../../shared/regions";
import { isTagSlug } from "../../../shared/tags";
import { pageFrom } from "../../components/pageFrom";
import { type DirectorySort, FACETS, type FacetName, SORTS } from "./types";

/** Everything a directory search is: kept in the URL so it can be shared and survives back/forward. */
export interface DirectoryState {
  q: string;
  filters: Record<FacetName, string[]>;
  sort: DirectorySort;
  page: number;
}

const MAX_VALUES = 30;
const countryCodes = new Set(COUNTRIES.map((c) => c.code));

const VALID: Record<FacetName, (value: string) => boolean> = {
  region: (v) => isRegionCode(v) || countryCodes.has(v),
  status: (v) => (ORG_STATUSES as readonly string[]).includes(v),
  type: (v) => (ORG_TYPES as readonly string[]).includes(v),
  sme: (v) => (SME_CATEGORIES as readonly string[]).includes(v),
  okved: (v) => isOkvedSection(v),
  tag: (v) => isTagSlug(v),
};

function list(params: URLSearchParams, facet: FacetName): string[] {
  const values = params
    .getAll(facet)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v && VALID[facet](v));
  return [...new Set(values)].slice(0, MAX_VALUES);
}

export function parseDirectoryParams(params: URLSearchParams): DirectoryState {
  const sortParam = params.get("sort") ?? "";
  const sort = (SORTS as readonly string[]).includes(sortParam) ? (sortParam as DirectorySort) : "relevance";
  const page = pageFrom(params);
  const filters = Object.fromEntries(FACETS.map((f) => [f, list(params, f)])) as Record<FacetName, string[]>;
  return { q: (params.get("q") ?? "").trim().slice(0, 200), filters, sort, page };
}

/** The URL query of a state: empty values and defaults are left out, lists joined with commas. */
export function directoryParams(state: DirectoryState): URLSearchParams {
  const sp = new URLSearchParams();
  if (state.q) sp.set("q", state.q);
  for (const f of FACETS) if (state.filters[f].length > 0) sp.set(f, state.filters[f].join(","));
  if (state.sort !== "relevance") sp.set("sort", state.sort);
  if (state.page > 1) sp.set("page", String(state.page));
  return sp;
}

/** The same as a "?…" string that keeps the commas of lists readable: ?region=77,50&status=participant. */
export function directorySearch(state: DirectoryState): string {
  const parts: string[] = [];
  for (const [key, value] of directoryParams(state)) {
    parts.push(`${key}=${value.split(",").map(encodeURIComponent).join(",")}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export function activeFilterCount(state: DirectoryState): number {
  return FACETS.reduce((n, f) => n + state.filters[f].length, 0);
}

export const EMPTY_FILTERS: Record<FacetName, string[]> = {
  region: [],
  status: [],
  type: [],
  sme: [],
  okved: [],
  tag: [],
};
