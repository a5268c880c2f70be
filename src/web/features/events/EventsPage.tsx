import { Button, Group, SegmentedControl, Select, Skeleton, Stack, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EVENT_FORMATS, EVENT_KINDS } from "../../../shared/events";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useMe } from "../../session";
import { EventCards } from "./labels";
import { eventQueries } from "./queries";

/** The public catalog of events: coming (soonest first) or past, filters by kind, format and month, search. */
export default function EventsPage() {
  const { t } = useTranslation();
  usePageTitle(t("events.catalog.title"));
  const { user, can } = useMe();
  const [tab, setTab] = useState<"upcoming" | "past">("upcoming");
  const [q, setQ] = useState("");
  const [text, setText] = useState("");
  const [kind, setKind] = useState<string | null>(null);
  const [format, setFormat] = useState<string | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const query = {
    tab,
    page,
    pageSize: 20,
    ...(text ? { q: text } : {}),
    ...(kind ? { kind } : {}),
    ...(format ? { format } : {}),
    ...(month ? { month } : {}),
  };
  const list = useQuery(eventQueries.search(query));
  const months = list.data?.facets.find((f) => f.field === "month")?.values ?? [];
  const reset = () => setPage(1);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("events.catalog.title")}
        subtitle={t("events.catalog.lead")}
        actions={
          <Group gap="xs">
            {user && (
              <Button component={Link} to="/events/mine" variant="default">
                {t("events.mine.title")}
              </Button>
            )}
            {can("operator.events") && (
              <Button component={Link} to="/operator/events">
                {t("events.operator.title")}
              </Button>
            )}
          </Group>
        }
      />
      <search aria-label={t("events.catalog.search")}>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            setText(q.trim());
            reset();
          }}
        >
          <Group align="end" wrap="wrap">
            <TextInput
              label={t("events.catalog.search")}
              value={q}
              onChange={(ev) => setQ(ev.currentTarget.value)}
              style={{ flex: "1 1 240px" }}
            />
            <Button type="submit">{t("events.catalog.find")}</Button>
          </Group>
        </form>
      </search>
      <Group wrap="wrap" align="end">
        <SegmentedControl
          aria-label={t("events.catalog.tabs")}
          value={tab}
          onChange={(v) => {
            setTab(v as "upcoming" | "past");
            setMonth(null);
            reset();
          }}
          data={[
            { value: "upcoming", label: t("events.catalog.upcoming") },
            { value: "past", label: t("events.catalog.past") },
          ]}
        />
        <Select
          label={t("events.catalog.kind")}
          clearable
          value={kind}
          onChange={(v) => {
            setKind(v);
            reset();
          }}
          data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
        />
        <Select
          label={t("events.catalog.format")}
          clearable
          value={format}
          onChange={(v) => {
            setFormat(v);
            reset();
          }}
          data={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))}
        />
        <Select
          label={t("events.catalog.month")}
          clearable
          value={month}
          onChange={(v) => {
            setMonth(v);
            reset();
          }}
          data={months.map((m) => ({ value: m.value, label: `${m.value} (${m.count})` }))}
        />
      </Group>
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("events.catalog.empty")} />
      ) : (
        <Stack gap="sm">
          <EventCards items={list.data.items} />
          <Pager page={page} total={list.data.total} pageSize={20} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
