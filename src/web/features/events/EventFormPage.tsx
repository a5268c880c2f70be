import { Button, Group, NumberInput, Select, Skeleton, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { EVENT_AUDIENCES, EVENT_FORMATS, EVENT_KINDS, MISSION_COUNTRIES } from "../../../shared/events";
import { client, unwrap } from "../../api/client";
import type { BodyOf } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { eventKeys, eventQueries } from "./queries";
import type { OperatorEvent } from "./types";

type Body = BodyOf<"/api/operator/events", "post">;

const EMPTY: Body = {
  kind: "forum",
  format: "offline",
  titleRu: "",
  descriptionRu: "",
  startsAt: "",
  endsAt: "",
  venueRu: "",
  url: null,
  programme: [],
  capacity: null,
  registrationOpensAt: null,
  registrationClosesAt: null,
  audience: "everyone",
  invited: [],
  country: null,
};

const bodyOf = (e: OperatorEvent): Body => ({
  kind: e.kind,
  format: e.format,
  titleRu: e.titleRu,
  descriptionRu: e.descriptionRu,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  venueRu: e.venueRu,
  url: e.url,
  organizerId: e.organizer?.id ?? null,
  programme: e.programme,
  capacity: e.capacity,
  registrationOpensAt: e.registrationOpensAt,
  registrationClosesAt: e.registrationClosesAt,
  audience: e.audience,
  invited: e.invited,
  country: e.country,
});

/** The event form (times in Moscow time); a programme item a line: "YYYY-MM-DDTHH:MM title". */
function EventForm({ initial }: { initial: OperatorEvent | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [b, setB] = useState<Body>(initial ? bodyOf(initial) : EMPTY);
  const [programme, setProgramme] = useState(
    (initial?.programme ?? []).map((p) => `${p.at} ${p.titleRu}`).join("\n"),
  );
  const set = <K extends keyof Body>(k: K, v: Body[K]) => setB((x) => ({ ...x, [k]: v }));
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...b,
        venueRu: b.venueRu || null,
        url: b.url || null,
        programme: programme
          .split("\n")
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => ({ at: l.slice(0, 16), titleRu: l.slice(17).trim() })),
      };
      return initial
        ? unwrap(
            client.PUT("/api/operator/events/{id}", {
              params: { path: { id: initial.id } },
              body: { ...body, version: initial.version },
            }),
          )
        : unwrap(client.POST("/api/operator/events", { body }));
    },
    onSuccess: (e) => {
      void qc.invalidateQueries({ queryKey: eventKeys.all });
      void navigate(`/events/${e.id}`);
    },
  });
  const local = (
    k: "startsAt" | "endsAt" | "registrationOpensAt" | "registrationClosesAt",
    required = false,
  ) => (
    <TextInput
      type="datetime-local"
      required={required}
      label={t(`events.form.${k}`)}
      value={b[k] ?? ""}
      onChange={(ev) => set(k, ev.currentTarget.value || (required ? "" : null))}
    />
  );
  return (
    <form
      onSubmit={(ev) => {
        ev.preventDefault();
        save.mutate();
      }}
    >
      <Stack gap="sm" maw={720}>
        <Group grow>
          <Select
            label={t("events.form.kind")}
            value={b.kind}
            onChange={(v) => v && set("kind", v as Body["kind"])}
            data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
          />
          <Select
            label={t("events.form.format")}
            value={b.format}
            onChange={(v) => v && set("format", v as Body["format"])}
            data={EVENT_FORMATS.map((k) => ({ value: k, label: t(`events.format.${k}`) }))}
          />
        </Group>
        <TextInput
          required
          label={t("events.form.title")}
          value={b.titleRu}
          onChange={(ev) => set("titleRu", ev.currentTarget.value)}
        />
        <Textarea
          required
          autosize
          minRows={4}
          label={t("events.form.description")}
          value={b.descriptionRu}
          onChange={(ev) => set("descriptionRu", ev.currentTarget.value)}
        />
        <Group grow>
          {local("startsAt", true)}
          {local("endsAt", true)}
        </Group>
        <TextInput
          label={t("events.form.venue")}
          value={b.venueRu ?? ""}
          onChange={(ev) => set("venueRu", ev.currentTarget.value)}
        />
        <TextInput
          label={t("events.form.url")}
          value={b.url ?? ""}
          onChange={(ev) => set("url", ev.currentTarget.value)}
        />
        <Group grow>
          <NumberInput
            label={t("events.form.capacity")}
            min={1}
            value={b.capacity ?? ""}
            onChange={(v) => set("capacity", typeof v === "number" ? v : null)}
          />
          <Select
            label={t("events.form.audience")}
            value={b.audience ?? "everyone"}
            onChange={(v) => v && set("audience", v as Body["audience"])}
            data={EVENT_AUDIENCES.map((k) => ({ value: k, label: t(`events.audience.${k}`) }))}
          />
        </Group>
        <Group grow>
          {local("registrationOpensAt")}
          {local("registrationClosesAt")}
        </Group>
        {b.kind === "mission" && (
          <Select
            label={t("events.form.country")}
            searchable
            value={b.country ?? null}
            onChange={(v) => set("country", v)}
            data={MISSION_COUNTRIES.map((c) => ({ value: c, label: t(`events.country.${c}`) }))}
          />
        )}
        <Textarea
          autosize
          minRows={3}
          label={t("events.form.programme")}
          description={t("events.form.programmeHint")}
          value={programme}
          onChange={(ev) => setProgramme(ev.currentTarget.value)}
        />
        <ProblemAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t("events.form.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function NewEventPage() {
  const { t } = useTranslation();
  usePageTitle(t("events.operator.new"));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/operator/events", label: t("events.operator.title") }}
        title={t("events.operator.new")}
      />
      <EventForm initial={null} />
    </Stack>
  );
}

export function EditEventPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  usePageTitle(t("events.operator.edit"));
  const q = useQuery(eventQueries.operatorEvent(id));
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/events/${id}`, label: q.data?.titleRu ?? "" }}
        title={t("events.operator.edit")}
      />
      {q.error ? (
        <ProblemAlert error={q.error} />
      ) : !q.data ? (
        <Skeleton height={400} />
      ) : (
        <EventForm initial={q.data} />
      )}
    </Stack>
  );
}
