// The registration form of an event's page (a lazy chunk: guests, whom the page asks to sign in, and
// search engines never load it): register, see one's place, cancel; a business mission's application.
import { Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MISSION_COUNTRIES } from "../../../shared/events";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { eventKeys } from "./queries";
import type { EventView } from "./types";

const LIVE = ["registered", "waitlisted", "applied", "selected"];

/** A signed-in reader's registration and what they may do with it: register, see their place, cancel. */
export default function Registration({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = useMyOrganizations();
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [product, setProduct] = useState("");
  const [country, setCountry] = useState<string | null>(e.country);
  const refresh = () => void qc.invalidateQueries({ queryKey: eventKeys.all });
  const register = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/events/{id}/registrations", {
          params: { path: { id: e.id } },
          body: {
            organizationId,
            public: consent,
            ...(e.kind === "mission" ? { exportProductRu: product, targetCountry: country } : {}),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const cancel = useMutation({
    mutationFn: () =>
      unwrap(client.DELETE("/api/events/{id}/registrations/mine", { params: { path: { id: e.id } } })),
    onSuccess: refresh,
  });
  const r = e.me.registration;
  const live = r && LIVE.includes(r.state);
  if (e.state !== "published") return null;
  if (live)
    return (
      <Card withBorder>
        <Stack gap="xs">
          <Text fw={600} role="status">
            {r.state === "waitlisted"
              ? t("events.page.waitlisted", { position: r.waitlistPosition ?? 1 })
              : t(`events.registration.${r.state}`)}
          </Text>
          <ProblemAlert error={cancel.error} />
          <Group>
            <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {e.kind === "mission" ? t("events.page.withdraw") : t("events.page.cancel")}
            </Button>
          </Group>
        </Stack>
      </Card>
    );
  const orgs = mine.data?.items ?? [];
  return (
    <Card withBorder>
      <form
        onSubmit={(ev) => {
          ev.preventDefault();
          register.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {e.kind === "mission" ? t("events.page.apply") : t("events.page.register")}
          </Title>
          {orgs.length > 0 && (
            <Select
              label={t("events.page.organization")}
              clearable={e.kind !== "mission" && e.audience === "everyone"}
              value={organizationId}
              onChange={setOrganizationId}
              data={orgs.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
            />
          )}
          {organizationId && (
            <Checkbox
              label={t("events.page.consent")}
              checked={consent}
              onChange={(ev) => setConsent(ev.currentTarget.checked)}
            />
          )}
          {e.kind === "mission" && (
            <>
              <TextInput
                label={t("events.page.exportProduct")}
                value={product}
                onChange={(ev) => setProduct(ev.currentTarget.value)}
              />
              <Select
                label={t("events.page.targetCountry")}
                searchable
                value={country}
                onChange={setCountry}
                data={MISSION_COUNTRIES.map((c) => ({ value: c, label: t(`events.country.${c}`) }))}
              />
            </>
          )}
          <ProblemAlert error={register.error} />
          <Group>
            <Button type="submit" loading={register.isPending}>
              {e.kind === "mission" ? t("events.page.apply") : t("events.page.register")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
