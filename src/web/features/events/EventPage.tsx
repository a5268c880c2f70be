import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { MISSION_COUNTRIES } from "../../../shared/events";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { EventBadges, EventWhen } from "./labels";
import { eventKeys, eventQueries } from "./queries";
import type { EventView } from "./types";

const LIVE = ["registered", "waitlisted", "applied", "selected"];

/** The reader's registration and what they may do with it: register, see their place, cancel. */
function Registration({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const { user } = useMe();
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
  if (!user)
    return (
      <Button component={Link} to={withNext("/signin", `/events/${e.id}`)}>
        {t("events.page.signInToRegister")}
      </Button>
    );
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

/** The operator's actions on an event: edit, publish, cancel. */
function Manage({ e }: { e: EventView }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const act = useMutation({
    mutationFn: (what: "publish" | "cancel") =>
      unwrap(
        client.POST(`/api/operator/events/{id}/${what}` as "/api/operator/events/{id}/publish", {
          params: { path: { id: e.id } },
          body: { version: e.version },
        }),
      ),
    onSuccess: (data) => {
      qc.setQueryData(eventKeys.event(e.id), data);
      void qc.invalidateQueries({ queryKey: eventKeys.all });
    },
  });
  return (
    <Stack gap="xs">
      <ProblemAlert error={act.error} />
      <Group gap="xs">
        {e.state !== "cancelled" && (
          <Button component={Link} to={`/operator/events/${e.id}/edit`} variant="default">
            {t("events.operator.edit")}
          </Button>
        )}
        {e.state === "draft" && (
          <Button onClick={() => act.mutate("publish")}>{t("events.operator.publish")}</Button>
        )}
        {e.state === "published" && (
          <Button color="red" variant="default" onClick={() => act.mutate("cancel")}>
            {t("events.operator.cancel")}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** An event's page: when and where, programme, places, participants, registration, the .ics file. */
export default function EventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const q = useQuery(eventQueries.event(id));
  const e = q.data;
  usePageTitle(e?.titleRu ?? t("events.catalog.title"));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!e) return <Skeleton height={400} />;
  return (
    <Stack gap="lg">
      <PageHeader back={{ to: "/events", label: t("events.catalog.title") }} title={e.titleRu}>
        <EventBadges e={e} />
      </PageHeader>
      {e.state === "cancelled" && <Alert color="red">{t("events.page.cancelled")}</Alert>}
      <EventWhen e={e} />
      {e.organizer && (
        <Text size="sm">
          {t("events.page.organizer")}{" "}
          <Anchor component={Link} to={`/directory/${e.organizer.id}`}>
            {e.organizer.shortName}
          </Anchor>
        </Text>
      )}
      {e.url ? (
        <Text size="sm">
          {t("events.page.link")} <Anchor href={e.url}>{e.url}</Anchor>
        </Text>
      ) : (
        e.format !== "offline" && (
          <Text size="sm" c="dimmed">
            {t("events.page.linkForRegistered")}
          </Text>
        )
      )}
      <Text style={{ whiteSpace: "pre-line" }}>{e.descriptionRu}</Text>
      {e.me.manage && <Manage e={e} />}
      <Registration e={e} />
      <Group gap="xs">
        <Button component="a" href={`/api/events/${e.id}/calendar`} variant="default" download>
          {t("events.page.ics")}
        </Button>
        {e.me.attendance && (
          <Button component={Link} to={`/events/${e.id}/registrations`} variant="default">
            {t("events.registrants.title")}
          </Button>
        )}
      </Group>
      {e.programme.length > 0 && (
        <section aria-labelledby="programme">
          <Title order={2} size="h3" id="programme" mb="xs">
            {t("events.page.programme")}
          </Title>
          <List>
            {e.programme.map((p) => (
              <List.Item key={`${p.at}-${p.titleRu}`}>
                {format.wallTime(p.at)} — {p.titleRu}
              </List.Item>
            ))}
          </List>
        </section>
      )}
      {e.participants.length > 0 && (
        <section aria-labelledby="participants">
          <Title order={2} size="h3" id="participants" mb="xs">
            {t("events.page.participants")}
          </Title>
          <Group gap={6}>
            {e.participants.map((o) => (
              <Badge key={o.id} variant="outline" color="indigo.9">
                {o.shortName}
              </Badge>
            ))}
          </Group>
        </section>
      )}
    </Stack>
  );
}
