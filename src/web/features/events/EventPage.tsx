import { Alert, Anchor, Badge, Button, Group, List, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { EventBadges, EventWhen } from "./labels";
import { eventKeys, eventQueries } from "./queries";
import type { EventView } from "./types";

const Registration = lazy(() => import("./Registration"));

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
  const { user } = useMe();
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
      {e.state === "published" &&
        (user ? (
          <Suspense fallback={<Skeleton height={120} />}>
            <Registration e={e} />
          </Suspense>
        ) : (
          <Button component={Link} to={withNext("/signin", `/events/${e.id}`)}>
            {t("events.page.signInToRegister")}
          </Button>
        ))}
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
