import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client } from "../../api/client";
import type { Schemas } from "../../api/types";
import { LazyModal } from "../../components/lazyOverlays";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
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
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState("");
  const save = useMutation({
    mutationFn: () =>
      client.POST("/api/measures/subscriptions", { body: { name: name.trim(), query: toSavedQuery(state) } }),
    onSuccess: () => {
      close();
      toast(t("measures.saved.searchSaved"), "green");
      void queryClient.invalidateQueries({ queryKey: measureKeys.subscriptions });
    },
  });
  return (
    <>
      <Button
        variant="default"
        size="compact-md"
        onClick={() => {
          setName(state.q || t("measures.saved.defaultName"));
          save.reset();
          open();
        }}
        aria-haspopup="dialog"
      >
        {t("measures.saved.saveSearch")}
      </Button>
      <LazyModal
        opened={opened}
        onClose={close}
        title={t("measures.saved.saveSearchTitle")}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) save.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t("measures.saved.name")}
              description={t("measures.saved.nameHint")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
            />
            {save.isError && <ProblemAlert error={save.error} />}
            <Group gap="sm">
              <Button type="submit" loading={save.isPending}>
                {t("measures.saved.save")}
              </Button>
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
            </Group>
          </Stack>
        </form>
      </LazyModal>
    </>
  );
}

/** Mark / unmark a measure as favourite (shown to signed-in users on a published measure). */
export function FavouriteButton({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const favourites = useFavourites();
  const on = favourites.data?.items.some((m) => m.id === measureId) ?? false;
  const toggle = useMutation({
    mutationFn: () =>
      on
        ? client.DELETE("/api/measures/{id}/favourite", { params: { path: { id: measureId } } })
        : client.PUT("/api/measures/{id}/favourite", { params: { path: { id: measureId } } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: measureKeys.favourites }),
    onError: (error) => toastError(error),
  });
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        variant={on ? "light" : "default"}
        aria-pressed={on}
        loading={toggle.isPending || favourites.isPending}
        onClick={() => toggle.mutate()}
      >
        {on ? t("measures.saved.inFavourites") : t("measures.saved.addFavourite")}
      </Button>
      <Button component={Link} to="/measures/saved" variant="subtle">
        {t("measures.saved.title")}
      </Button>
    </Group>
  );
}
