import { Button, NativeSelect, Skeleton, Stack, Text } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { notificationQueries, preferencesKey } from "./queries";
import { CHANNELS, type Channel } from "./types";

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

/** A channel select per kind of notification (GET/PUT /api/notifications/preferences). */
export function PreferencesForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const prefs = useQuery(notificationQueries.preferences());
  const [values, setValues] = useState<Record<string, Channel>>({});

  useEffect(() => {
    if (prefs.data) setValues(Object.fromEntries(prefs.data.items.map((i) => [i.kind, i.channel])));
  }, [prefs.data]);

  const save = useMutation({
    mutationFn: (items: { kind: string; channel: Channel }[]) =>
      unwrap(client.PUT("/api/notifications/preferences", { body: { items } })),
    onSuccess: (data) => {
      queryClient.setQueryData(preferencesKey, data);
      toast(t("notifications.preferences.saved"));
    },
  });

  if (prefs.isPending) return <Skeleton height={160} />;
  if (prefs.isError) return <ProblemAlert error={prefs.error} />;
  if (prefs.data.items.length === 0) return <Text>{t("notifications.preferences.none")}</Text>;

  const options = CHANNELS.map((c) => ({ value: c, label: t(`notifications.channels.${c}`) }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(prefs.data.items.map((i) => ({ kind: i.kind, channel: values[i.kind] ?? i.channel })));
      }}
    >
      <Stack gap="sm" maw={560}>
        <Text size="sm">{t("notifications.preferences.lead")}</Text>
        <ProblemAlert error={save.error} />
        {prefs.data.items.map((item) => (
          <NativeSelect
            key={item.kind}
            label={item.label}
            description={t("notifications.preferences.default", {
              channel: t(`notifications.channels.${item.defaultChannel}`),
            })}
            value={values[item.kind] ?? item.channel}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isChannel(value)) setValues((v) => ({ ...v, [item.kind]: value }));
            }}
            data={options}
          />
        ))}
        <Button type="submit" loading={save.isPending} style={{ alignSelf: "flex-start" }}>
          {t("notifications.preferences.save")}
        </Button>
      </Stack>
    </form>
  );
}
