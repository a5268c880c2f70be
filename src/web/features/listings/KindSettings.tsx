import { Stack, Switch, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { listingKeys } from "./queries";

export const kindSettingsQuery = {
  queryKey: [...listingKeys.all, "kinds"],
  queryFn: ({ signal }: { signal: AbortSignal }) => unwrap(client.GET("/api/listing-kinds", { signal })),
};

/** The operator's setting per kind: publishing open to every verified organization, or limited. */
export function KindSettings() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const settings = useQuery(kindSettingsQuery);
  const [saving, setSaving] = useState<string | null>(null);
  const change = async (kind: string, participantsOnly: boolean) => {
    setSaving(kind);
    try {
      const next = await unwrap(
        client.PUT("/api/operator/listing-kinds/{kind}", {
          params: { path: { kind: kind as never } },
          body: { participantsOnly },
        }),
      );
      queryClient.setQueryData(kindSettingsQuery.queryKey, next);
      toast(t("listings.moderation.kindsSaved"));
    } catch (e) {
      toastError(e);
    } finally {
      setSaving(null);
    }
  };
  return (
    <SectionCard id="listing-kinds" title={t("listings.moderation.kindsTitle")} titleGap="sm">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t("listings.moderation.kindsLead")}
        </Text>
        {settings.data?.items.map((s) => (
          <Switch
            key={s.kind}
            label={t(`listings.kinds.${s.kind}.title`)}
            description={t(
              s.participantsOnly ? "listings.moderation.participantsOnly" : "listings.moderation.everyone",
            )}
            checked={s.participantsOnly}
            disabled={saving !== null}
            onChange={(e) => void change(s.kind, e.currentTarget.checked)}
          />
        ))}
      </Stack>
    </SectionCard>
  );
}
