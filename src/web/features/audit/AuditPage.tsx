import { Box, Button, Code, Group, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AuditEntry } from "../../api";
import { PageHeader } from "../../components/PageHeader";
import { type Column, DataTable } from "../../components/table/DataTable";
import { useUrlFilters } from "../../components/table/useUrlFilters";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { auditQueries } from "./queries";

const PAGE_SIZE = 25;
const FILTERS = ["actor", "entity", "action", "from", "to"] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function compact(value: unknown, max = 40): string {
  const text = value === undefined ? "—" : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** One line such as `role: "user" → "admin"` for the collapsed row. */
export function summarizeChange(before: unknown, after: unknown): string {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    const shown = keys.slice(0, 3).map((k) => `${k}: ${compact(before[k], 24)} → ${compact(after[k], 24)}`);
    return keys.length > 3 ? `${shown.join("; ")}; …` : shown.join("; ");
  }
  if (before == null && after == null) return "";
  return `${compact(before)} → ${compact(after)}`;
}

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {label}
      </Text>
      {/* focusable so that keyboard users can scroll long values */}
      <Box role="region" aria-label={label} tabIndex={0} className="json-block">
        <pre>{value === undefined || value === null ? "null" : JSON.stringify(value, null, 2)}</pre>
      </Box>
    </div>
  );
}

export default function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t("audit.title"));
  const format = useFormat();
  const url = useUrlFilters(FILTERS);
  const filters: Filters = url.values;
  const page = url.page;
  const [expanded, setExpanded] = useState<Set<AuditEntry["id"]>>(new Set());

  const form = useForm<Filters>({
    mode: "uncontrolled",
    initialValues: filters,
    validate: {
      from: (v) => (v && !DATE_RE.test(v) ? t("audit.filters.badDate") : null),
      to: (v, values) => {
        if (v && !DATE_RE.test(v)) return t("audit.filters.badDate");
        if (v && values.from && v < values.from) return t("audit.filters.toBeforeFrom");
        return null;
      },
    },
  });

  function apply(values: Filters, nextPage = 1) {
    url.set(values, nextPage);
    setExpanded(new Set());
  }

  const audit = useQuery({
    ...auditQueries.page({ ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const toggle = (id: AuditEntry["id"]) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const columns: Column<AuditEntry>[] = [
    {
      key: "at",
      header: t("audit.columns.at"),
      style: { whiteSpace: "nowrap" },
      cell: (e) => format.dateTime(e.at),
    },
    {
      key: "actor",
      header: t("audit.columns.actor"),
      cell: (e) =>
        e.actor ? (
          <>
            <Text size="sm">{e.actor.fullName}</Text>
            <Text size="xs" style={{ wordBreak: "break-all" }}>
              {e.actor.email}
            </Text>
          </>
        ) : (
          <Text size="sm">{t("audit.system")}</Text>
        ),
    },
    { key: "action", header: t("audit.columns.action"), cell: (e) => <Code>{e.action}</Code> },
    {
      key: "entity",
      header: t("audit.columns.entity"),
      cell: (e) => (
        <>
          <Text size="sm">{e.entity}</Text>
          {e.entityId && (
            <Text size="xs" style={{ wordBreak: "break-all" }}>
              {e.entityId}
            </Text>
          )}
        </>
      ),
    },
    {
      key: "changes",
      header: t("audit.columns.changes"),
      cell: (e) => {
        const open = expanded.has(e.id);
        const summary = summarizeChange(e.before, e.after);
        return (
          <Stack gap={4} align="flex-start">
            <Button
              size="compact-xs"
              variant="default"
              aria-expanded={open}
              aria-controls={open ? `audit-details-${e.id}` : undefined}
              onClick={() => toggle(e.id)}
            >
              {open ? t("audit.hide") : t("audit.show")}
            </Button>
            {summary && (
              <Text size="xs" ff="monospace" lineClamp={2} style={{ wordBreak: "break-all" }}>
                {summary}
              </Text>
            )}
          </Stack>
        );
      },
    },
    { key: "ip", header: t("audit.columns.ip"), cell: (e) => e.ip ?? "—" },
  ];

  return (
    <Stack gap="lg">
      <PageHeader title={t("audit.title")} subtitle={t("audit.lead")} />
      <DataTable
        label={t("audit.tableLabel")}
        minWidth={900}
        striped={false}
        columns={columns}
        query={audit}
        rowKey={(e) => String(e.id)}
        onPage={(p) => apply(filters, p)}
        expansion={(e) =>
          expanded.has(e.id)
            ? {
                id: `audit-details-${e.id}`,
                content: (
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <JsonBlock label={t("audit.before")} value={e.before} />
                    <JsonBlock label={t("audit.after")} value={e.after} />
                  </SimpleGrid>
                ),
              }
            : null
        }
        filters={
          <form aria-label={t("audit.filters.label")} noValidate onSubmit={form.onSubmit((v) => apply(v))}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
              <TextInput
                label={t("audit.filters.actor")}
                description={t("audit.filters.actorHint")}
                key={form.key("actor")}
                {...form.getInputProps("actor")}
              />
              <TextInput
                label={t("audit.filters.entity")}
                description={t("audit.filters.entityHint")}
                key={form.key("entity")}
                {...form.getInputProps("entity")}
              />
              <TextInput
                label={t("audit.filters.action")}
                description={t("audit.filters.actionHint")}
                key={form.key("action")}
                {...form.getInputProps("action")}
              />
              <TextInput
                type="date"
                label={t("audit.filters.from")}
                key={form.key("from")}
                {...form.getInputProps("from")}
              />
              <TextInput
                type="date"
                label={t("audit.filters.to")}
                key={form.key("to")}
                {...form.getInputProps("to")}
              />
            </SimpleGrid>
            <Group gap="sm" mt="md">
              <Button type="submit" loading={audit.isFetching && !audit.isPending}>
                {t("audit.filters.apply")}
              </Button>
              <Button
                variant="default"
                onClick={() => {
                  const empty: Filters = { actor: "", entity: "", action: "", from: "", to: "" };
                  form.setValues(empty);
                  apply(empty);
                }}
              >
                {t("common.resetFilters")}
              </Button>
            </Group>
          </form>
        }
        empty={<Text>{url.filtered ? t("audit.emptyFiltered") : t("audit.empty")}</Text>}
      />
    </Stack>
  );
}
