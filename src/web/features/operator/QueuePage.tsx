import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORG_TYPES, type OrgType, REQUESTABLE_STATUSES } from "../../../shared/organizations";
import { REGIONS } from "../../../shared/regions";
import { APPLICATION_STATES } from "../../../shared/vocabularies";
import { PageHeader } from "../../components/PageHeader";
import { type Column, DataTable, TableEmpty } from "../../components/table/DataTable";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { ApplicationStateBadge, useLabels } from "../organizations/labels";
import type { ApplicationState, QueueItem, RequestedStatus } from "../organizations/types";
import { OwnOrganizationBadge } from "../verification/OwnOrganizationNote";
import { operatorQueries, type QueueQuery } from "./queries";

const PAGE_SIZE = 20;
/** A pending application waiting longer than this is highlighted. */
export const LONG_WAIT_DAYS = 10;
const STATES: readonly ApplicationState[] = APPLICATION_STATES;
const REQUESTED: readonly RequestedStatus[] = REQUESTABLE_STATUSES;
const FILTER_KEYS = ["q", "state", "region", "type", "requestedStatus", "minWaitingDays"] as const;

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | "" =>
  v && (list as readonly string[]).includes(v) ? (v as T) : "";

export function WaitingBadge({ days }: { days: number }) {
  const { t } = useTranslation();
  const long = days > LONG_WAIT_DAYS;
  return (
    <Badge
      color={long ? "red" : "gray"}
      variant={long ? "filled" : "light"}
      title={long ? t("operator.queue.longWait") : undefined}
      style={{ flexShrink: 0, overflow: "visible" }}
      styles={{ label: { overflow: "visible" } }}
    >
      {t("operator.queue.waiting", { days })}
    </Badge>
  );
}

export default function QueuePage() {
  const { t } = useTranslation();
  usePageTitle(t("operator.queue.title"));
  const labels = useLabels();
  const filters = useUrlFilters(FILTER_KEYS, {
    defaults: { state: "pending" },
    valid: {
      state: (v) => oneOf(STATES, v) !== "",
      region: (v) => REGIONS.some((r) => r.code === v),
      type: (v) => oneOf<OrgType>(ORG_TYPES, v) !== "",
      requestedStatus: (v) => oneOf(REQUESTED, v) !== "",
      minWaitingDays: (v) => /^\d+$/.test(v),
    },
  });
  const { q, region } = filters.values;
  const state = oneOf(STATES, filters.values.state) || "pending";
  const type = oneOf<OrgType>(ORG_TYPES, filters.values.type);
  const requestedStatus = oneOf(REQUESTED, filters.values.requestedStatus);
  const minWaitingDays =
    filters.values.minWaitingDays === "" ? null : Math.min(Number(filters.values.minWaitingDays), 3650);
  const page = filters.page;

  const [minInput, setMinInput] = useState<string | number>(minWaitingDays ?? "");
  const [debouncedMin] = useDebouncedValue(minInput, 400);
  const [qInput, setQInput] = useState(q);
  const [debouncedQ] = useDebouncedValue(qInput.trim(), 400);
  const update = (next: Partial<Record<(typeof FILTER_KEYS)[number], string>>) => filters.set(next);

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced number
  useEffect(() => {
    const v = typeof debouncedMin === "number" ? String(debouncedMin) : "";
    if (v !== (minWaitingDays === null ? "" : String(minWaitingDays))) update({ minWaitingDays: v });
  }, [debouncedMin]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: react only to the debounced text
  useEffect(() => {
    if (debouncedQ !== q) update({ q: debouncedQ });
  }, [debouncedQ]);

  const query: QueueQuery = {
    q: q || undefined,
    state,
    region: region || undefined,
    type: type || undefined,
    requestedStatus: requestedStatus || undefined,
    minWaitingDays: minWaitingDays ?? undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const queue = useQuery({ ...operatorQueries.queue(query), placeholderData: keepPreviousData });
  const filtered = filters.filtered;
  const open = state === "pending" || state === "returned";
  const resetAll = () => {
    setMinInput("");
    setQInput("");
    filters.reset();
  };

  const columns: Column<QueueItem>[] = [
    {
      key: "organization",
      header: t("operator.queue.organization"),
      cell: (item) => (
        <>
          <Anchor component={Link} to={`/operator/applications/${item.id}`} fw={600}>
            {item.organization.shortName}
          </Anchor>
          {item.organization.inn && (
            <Text size="xs">{t("operator.queue.inn", { inn: item.organization.inn })}</Text>
          )}
          {item.mine && <OwnOrganizationBadge />}
        </>
      ),
    },
    { key: "type", header: t("operator.queue.type"), cell: (item) => labels.type(item.organization.type) },
    { key: "region", header: t("operator.queue.region"), cell: (item) => labels.place(item.organization) },
    {
      key: "requestedStatus",
      header: t("operator.queue.requestedStatus"),
      cell: (item) => labels.status(item.requestedStatus),
    },
    {
      key: "submittedAt",
      header: t("operator.queue.submittedAt"),
      cell: (item) => labels.numericDate(item.submittedAt),
    },
    {
      key: "state",
      header: open ? t("operator.queue.waitingColumn") : t("operator.queue.decision"),
      style: { whiteSpace: "nowrap" },
      cell: (item) =>
        item.state === "pending" ? (
          <WaitingBadge days={item.waitingDays} />
        ) : (
          <Stack gap={2} align="flex-start">
            <ApplicationStateBadge state={item.state} />
            {item.decidedAt && <Text size="xs">{labels.numericDate(item.decidedAt)}</Text>}
            {item.decidedBy && <Text size="xs">{item.decidedBy.fullName}</Text>}
          </Stack>
        ),
    },
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("operator.queue.title")}
        subtitle={t("operator.queue.lead", { days: LONG_WAIT_DAYS })}
      >
        <Anchor component={Link} to="/operator/name-changes" display="inline-block">
          {t("operator.nameChanges.link")}
        </Anchor>
      </PageHeader>
      <DataTable
        label={t("operator.queue.tableLabel")}
        minWidth={860}
        cardsOnPhone
        columns={columns}
        query={queue}
        rowKey={(item) => item.id}
        onPage={filters.setPage}
        filters={
          <form aria-label={t("operator.queue.filters")} onSubmit={(e) => e.preventDefault()}>
            <Group align="flex-end" gap="sm" wrap="wrap">
              <TextInput
                type="search"
                label={t("operator.queue.search")}
                value={qInput}
                onChange={(e) => setQInput(e.currentTarget.value)}
                style={{ flex: "1 1 16rem" }}
              />
              <NativeSelect
                label={t("operator.queue.state")}
                value={state}
                onChange={(e) => update({ state: e.currentTarget.value })}
                data={STATES.map((s) => ({ value: s, label: t(`organizations.application.state.${s}`) }))}
                style={{ flex: "0 1 13rem" }}
              />
              <Select
                label={t("operator.queue.region")}
                placeholder={t("operator.queue.anyRegion")}
                value={region || null}
                onChange={(v) => update({ region: v ?? "" })}
                data={REGIONS.map((r) => ({ value: r.code, label: `${r.code} — ${r[labels.locale]}` }))}
                searchable
                clearable
                nothingFoundMessage={t("organizations.form.nothingFound")}
                style={{ flex: "1 1 14rem" }}
              />
              <NativeSelect
                label={t("operator.queue.type")}
                value={type}
                onChange={(e) => update({ type: e.currentTarget.value })}
                data={[
                  { value: "", label: t("operator.queue.anyType") },
                  ...ORG_TYPES.map((ty) => ({ value: ty, label: labels.type(ty) })),
                ]}
                style={{ flex: "0 1 14rem" }}
              />
              <NativeSelect
                label={t("operator.queue.requestedStatus")}
                value={requestedStatus}
                onChange={(e) => update({ requestedStatus: e.currentTarget.value })}
                data={[
                  { value: "", label: t("operator.queue.anyStatus") },
                  ...REQUESTED.map((s) => ({ value: s, label: labels.status(s) })),
                ]}
                style={{ flex: "0 1 13rem" }}
              />
              <NumberInput
                label={t("operator.queue.minWaitingDays")}
                value={minInput}
                onChange={setMinInput}
                min={0}
                max={3650}
                allowDecimal={false}
                allowNegative={false}
                style={{ flex: "0 1 10rem" }}
              />
              {filtered && (
                <Button variant="default" onClick={resetAll}>
                  {t("common.resetFilters")}
                </Button>
              )}
            </Group>
          </form>
        }
        empty={
          <TableEmpty
            text={<Text>{filtered ? t("operator.queue.emptyFiltered") : t("operator.queue.empty")}</Text>}
            action={
              filtered && (
                <Button variant="default" onClick={resetAll}>
                  {t("common.resetFilters")}
                </Button>
              )
            }
          />
        }
      />
    </Stack>
  );
}
