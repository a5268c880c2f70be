import { notifications } from "@mantine/notifications";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "../shared/constants";
import { type Ability, errorMessage, type Me, type User } from "./api";
import { client, unwrap } from "./api/client";
import i18n, { currentLocale, rememberLanguage } from "./i18n";

export const meKey = ["me"] as const;
/** A guest before /api/me answers: allowed nothing. */
export const GUEST: Me = { user: null, abilities: {} as Me["abilities"] };

/** The signed-in user (or null) and what they may do. Errors count as "signed out". */
export function useMe() {
  const query = useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => unwrap(client.GET("/api/me", { signal })),
    staleTime: 60_000,
  });
  const me = query.data ?? GUEST;
  return {
    user: me.user,
    abilities: me.abilities ?? {},
    can: (ability: Ability) => me.abilities?.[ability] === true,
    isLoading: query.isPending,
  };
}

/** Switch the interface language; kept in localStorage and, when signed in, in the profile. */
export function useLanguage() {
  const queryClient = useQueryClient();
  const { t } = useTranslation();
  const language = currentLocale();

  const setLanguage = useCallback(
    async (lng: Locale) => {
      rememberLanguage(lng);
      await i18n.changeLanguage(lng);
      const me = queryClient.getQueryData<Me>(meKey);
      if (!me?.user || me.user.locale === lng) return;
      try {
        const { user } = await unwrap(client.PATCH("/api/me", { body: { locale: lng } }));
        queryClient.setQueryData<Me>(meKey, (old) => ({ ...(old ?? GUEST), user }));
      } catch (error) {
        notifications.show({
          color: "red",
          title: t("common.language.saveFailed"),
          message: errorMessage(error),
        });
      }
    },
    [queryClient, t],
  );

  return { language, setLanguage };
}

/** Apply the language stored in the user's profile right after sign-in or page load. */
export async function applyUserLocale(user: User): Promise<void> {
  rememberLanguage(user.locale);
  if (currentLocale() !== user.locale) await i18n.changeLanguage(user.locale);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useCallback(async () => {
    try {
      await client.POST("/api/auth/signout");
    } finally {
      queryClient.clear();
      queryClient.setQueryData<Me>(meKey, GUEST);
    }
  }, [queryClient]);
}
