// Following a catalog, for the navigator's measures and the exchanges' listings alike: the favourite
// toggle of an item's page and the "save this search" dialog of a catalog (the saved pages' pieces are
// in savedPage.tsx, so that these buttons' chunk does not carry them). Only signed-in readers see them:
// the features load them in chunks of their own, never in a public page's first JavaScript. The texts
// are the feature's, passed in translated: a module's Russian texts come with the module that names
// their keys (ruTextsPerModule in vite.config.ts), so the feature's own module names them.
import { Button, type ButtonProps, Group, Stack, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { type QueryKey, useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../api";
import { LazyModal } from "./lazyOverlays";
import { ProblemAlert } from "./ProblemAlert";
import { toast, toastError } from "./toast";

/** A change of a saved thing (star, unstar, delete) that refreshes its list, a failure told in a toast. */
export function useSavedChange<V>(change: (v: V) => Promise<unknown>, list: QueryKey) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: list }),
    onError: toastError,
  });
}

/**
 * Star / unstar an item, pressed while it is a favourite, with the way to the saved page. `toggle`
 * is given whether it is on now (DELETE then, else PUT); `list` is the favourites' query to refresh.
 */
export function FavouriteToggle({
  on,
  checking,
  toggle,
  list,
  texts,
  savedTo,
}: {
  on: boolean;
  /** The favourites are still being read. */
  checking: boolean;
  toggle: (on: boolean) => Promise<unknown>;
  list: QueryKey;
  texts: { add: string; added: string; saved: string };
  savedTo: string;
}) {
  const change = useSavedChange(toggle, list);
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        variant={on ? "filled" : "default"}
        aria-pressed={on}
        loading={change.isPending || checking}
        onClick={() => change.mutate(on)}
        leftSection={<span aria-hidden="true">{on ? "★" : "☆"}</span>}
      >
        {on ? texts.added : texts.add}
      </Button>
      <Button component={Link} to={savedTo} variant="subtle">
        {texts.saved}
      </Button>
    </Group>
  );
}

/**
 * "Save this search": a dialog asks a name (proposed by `defaultName` when it opens), `save` sends it,
 * then the saved searches (`list`) are refreshed. A refusal of the name (the limit of saved searches is
 * one) is said next to the field, any other problem above the buttons.
 */
export interface SaveSearchTexts {
  button: string;
  title: string;
  name: string;
  nameHint: string;
  save: string;
  /** The toast once saved. */
  saved: string;
}

export function SaveSearchButton({
  texts,
  defaultName,
  save,
  list,
  size,
}: {
  texts: SaveSearchTexts;
  defaultName: () => string;
  save: (name: string) => Promise<unknown>;
  list: QueryKey;
  size?: ButtonProps["size"];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [name, setName] = useState("");
  const mutation = useMutation({
    mutationFn: () => save(name.trim()),
    onSuccess: () => {
      close();
      toast(texts.saved, "green");
      void queryClient.invalidateQueries({ queryKey: list });
    },
  });
  const nameError =
    mutation.error instanceof ApiError
      ? mutation.error.errors.find((e) => e.field === "name")?.message
      : undefined;
  return (
    <>
      <Button
        variant="default"
        size={size}
        onClick={() => {
          setName(defaultName());
          mutation.reset();
          open();
        }}
        aria-haspopup="dialog"
      >
        {texts.button}
      </Button>
      <LazyModal
        opened={opened}
        onClose={close}
        title={texts.title}
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) mutation.mutate();
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={texts.name}
              description={texts.nameHint}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={200}
              required
              data-autofocus
              error={nameError}
            />
            {mutation.isError && !nameError && <ProblemAlert error={mutation.error} />}
            <Group gap="sm">
              <Button type="submit" loading={mutation.isPending}>
                {texts.save}
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
