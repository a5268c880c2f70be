import {
  Anchor,
  Badge,
  Button,
  Group,
  NativeSelect,
  NumberInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ORG_TYPES, type OrgType } from "../../../shared/organizations";
import { REGIONS } from "../../../shared/regions";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { ApplicationStateBadge, useLabels } from "../organizations/labels";
import type { ApplicationState, RequestedStatus } from "../organizations/types";
import { OwnOrganizationBadge } from "../verification/OwnOrganizationNote";
import { operatorQueries, type QueueQuery } from "./queries";

const PAGE_SIZE = 20;
/** A pending application waiting longer than this is highlighted. */
export const LONG_WAIT_DAYS = 10;
const STATES: ApplicationState[] = ["pending", "returned", "approved", "rejected", "withdrawn"];
const REQUESTED: RequestedStatus[] = ["participant", "partner"];

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
  const [params, setParams] = useSearchParams();
  const state = oneOf(STATES, params.get("state")) || "pending";
  const region = REGIONS.some((r) => r.code === params.get("region")) ? (params.get("region") as string) : "";
  const type = oneOf<OrgType>(ORG_TYPES, params.get("type"));
  const requestedStatus = oneOf(REQUESTED, params.get("requestedStatus"));
  const minRaw = Number.parseInt(params.get("minWaitingDays") ?? "", 10);
  const minWaitingDays = Number.isFinite(minRaw) && minRaw >= 0 ? Math.min(minRaw, 3650) : null;
  const page = Math.max(1, Number.parseInt(params.get("page") ?? "1", 10) || 1);

  const [minInput, setMinInput] = useState<string | number>(minWaitingDays ?? "");
  const [debouncedMin] = useDebouncedValue(minInput, 400);
  const q = params.get("q") ?? "";
  const [qInput, setQInput] = useState(q);
  const [debouncedQ] = useDebouncedValue(qInput.trim(), 400);

  function update(
    next: Partial<
      Record<"q" | "state" | "region" | "type" | "requestedStatus" | "minWaitingDays" | "page", string>
    >,
  ) {
    const merged: Record<string, string> = {
      q,
      state: state === "pending" ? "" : state,
      region,
      type,
      requestedStatus,
      minWaitingDays: minWaitingDays === null ? "" : String(minWaitingDays),
      page: page > 1 ? String(page) : "",
      ...next,
    };
    if (!("page" in next)) merged.page = "";
    if (merged.state === "pending") merged.state = "";
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) sp.set(k, v);
    setParams(sp, { replace: true });
  }

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
  const data = queue.data;
  const filtered = Boolean(
    q || region || type || requestedStatus || minWaitingDays !== null || state !== "pending",
  );
  const open = state === "pending" || state === "returned";

  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t("operator.queue.title")}</Title>
        <Text mt="xs">{t("operator.queue.lead", { days: LONG_WAIT_DAYS })}</Text>
        <Anchor component={Link} to="/operator/name-changes" mt="xs" display="inline-block">
          {t("operator.nameChanges.link")}
        </Anchor>
      </div>

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
            <Button
              variant="default"
              onClick={() => {
                setMinInput("");
                setQInput("");
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t("common.resetFilters")}
            </Button>
          )}
        </Group>
      </form>

      {queue.isError && <ProblemAlert error={queue.error} />}
      {queue.isPending && <Skeleton height={240} />}

      {data && data.items.length === 0 && (
        <Stack gap="xs" align="flex-start">
          <Text>{filtered ? t("operator.queue.emptyFiltered") : t("operator.queue.empty")}</Text>
          {filtered && (
            <Button
              variant="default"
              onClick={() => {
                setMinInput("");
                setQInput("");
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t("common.resetFilters")}
            </Button>
          )}
        </Stack>
      )}

      {data && data.items.length > 0 && (
        <div>
          <Table.ScrollContainer
            minWidth={860}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t("operator.queue.tableLabel")}
          >
            <Table striped highlightOnHover verticalSpacing="sm" aria-busy={queue.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("operator.queue.organization")}</Table.Th>
                  <Table.Th scope="col">{t("operator.queue.type")}</Table.Th>
                  <Table.Th scope="col">{t("operator.queue.region")}</Table.Th>
                  <Table.Th scope="col">{t("operator.queue.requestedStatus")}</Table.Th>
                  <Table.Th scope="col">{t("operator.queue.submittedAt")}</Table.Th>
                  <Table.Th scope="col">
                    {open ? t("operator.queue.waitingColumn") : t("operator.queue.decision")}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((item) => (
                  <Table.Tr key={item.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/operator/applications/${item.id}`} fw={600}>
                        {item.organization.shortName}
                      </Anchor>
                      {item.organization.inn && (
                        <Text size="xs">{t("operator.queue.inn", { inn: item.organization.inn })}</Text>
                      )}
                      {item.mine && <OwnOrganizationBadge />}
                    </Table.Td>
                    <Table.Td>{labels.type(item.organization.type)}</Table.Td>
                    <Table.Td>{labels.place(item.organization)}</Table.Td>
                    <Table.Td>{labels.status(item.requestedStatus)}</Table.Td>
                    <Table.Td>{labels.numericDate(item.submittedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: "nowrap" }}>
                      {item.state === "pending" ? (
                        <WaitingBadge days={item.waitingDays} />
                      ) : (
                        <Stack gap={2} align="flex-start">
                          <ApplicationStateBadge state={item.state} />
                          {item.decidedAt && <Text size="xs">{labels.numericDate(item.decidedAt)}</Text>}
                          {item.decidedBy && <Text size="xs">{item.decidedBy.fullName}</Text>}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => update({ page: p > 1 ? String(p) : "" })}
          />
        </div>
      )}
    </Stack>
  );
}
