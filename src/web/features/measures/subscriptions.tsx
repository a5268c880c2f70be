import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client } from "../../api/client";
import type { Schemas } from "../../api/types";
import { FavouriteToggle, SaveSearchButton as SavedSearchButton } from "../../components/follow";
import { measureKeys, measureQueries } from "./queries";
import { LIST_FACETS, type NavigatorState, navigatorParams } from "./searchParams";
import { AMOUNT_BUCKETS } from "./types";

/** A saved search as the API keeps it: the navigator's filters as arrays, no sort or paging. */
export type SavedQuery = Record<string, unknown>;
export type Subscription = Schemas["MeasureSubscription"];

export function useFavourites(enabled = true) {
  return useQuery({ ...measureQueries.favourites(), enabled });
}

export function useSubscriptions(enabled = true) {
  return useQuery({ ...measureQueries.subscriptions(), enabled });
}

export function toSavedQuery(state: NavigatorState): SavedQuery {
  const q: SavedQuery = {};
  if (state.q) q.q = state.q;
  for (const f of LIST_FACETS) if (state.filters[f].length > 0) q[f] = state.filters[f];
  if (state.openNow) q.openNow = true;
  const bucket = AMOUNT_BUCKETS.find((b) => b.key === state.amount);
  if (bucket?.min != null) q.amountMin = bucket.min;
  if (bucket?.max != null) q.amountMax = bucket.max;
  return q;
}

/** The navigator's address of a saved search. */
export function searchOf(query: SavedQuery): string {
  const arr = (k: string) => (Array.isArray(query[k]) ? (query[k] as string[]) : []);
  const bucket = AMOUNT_BUCKETS.find(
    (b) => (b.min ?? undefined) === query.amountMin && (b.max ?? undefined) === query.amountMax,
  );
  const state: NavigatorState = {
    q: typeof query.q === "string" ? query.q : "",
    filters: Object.fromEntries(LIST_FACETS.map((f) => [f, arr(f)])) as NavigatorState["filters"],
    openNow: query.openNow === true,
    amount: bucket?.key ?? null,
    sort: "relevance",
    page: 1,
  };
  const sp = navigatorParams(state).toString();
  return sp ? `?${sp}` : "";
}

/** "Save this search": a name, then notifications about new and changed measures that match it. */
export function SaveSearchButton({ state }: { state: NavigatorState }) {
  const { t } = useTranslation();
  return (
    <SavedSearchButton
      texts={{
        button: t("measuresWork.saved.saveSearch"),
        title: t("measuresWork.saved.saveSearchTitle"),
        name: t("measuresWork.saved.name"),
        nameHint: t("measuresWork.saved.nameHint"),
        save: t("measuresWork.saved.save"),
        saved: t("measuresWork.saved.searchSaved"),
      }}
      defaultName={() => state.q || t("measuresWork.saved.defaultName")}
      save={(name) =>
        client.POST("/api/measures/subscriptions", { body: { name, query: toSavedQuery(state) } })
      }
      list={measureKeys.subscriptions}
      size="compact-md"
    />
  );
}

/** Mark / unmark a measure as favourite (shown to signed-in users on a published measure). */
export function FavouriteButton({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const favourites = useFavourites();
  return (
    <FavouriteToggle
      on={favourites.data?.items.some((m) => m.id === measureId) ?? false}
      checking={favourites.isPending}
      toggle={(on) => {
        const path = { params: { path: { id: measureId } } };
        return on
          ? client.DELETE("/api/measures/{id}/favourite", path)
          : client.PUT("/api/measures/{id}/favourite", path);
      }}
      list={measureKeys.favourites}
      texts={{
        add: t("measuresWork.saved.addFavourite"),
        added: t("measuresWork.saved.inFavourites"),
        saved: t("measuresWork.saved.title"),
      }}
      savedTo="/measures/saved"
    />
  );
}
