import { Alert, Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CONSORTIUM_MAX,
  formatShare,
  type MemberState,
  parseShare,
  SHARE_WHOLE,
  shareIssues,
} from "../../../shared/projects";
import { client, unwrap } from "../../api/client";

/** A row of the editor: the share as typed (a percent with up to two decimals). */
export interface ShareRow {
  organizationId: string;
  shortName: string;
  roleRu: string;
  share: string;
  state: MemberState;
}

/** The rows as the shared rule reads them (an unreadable share counts as 0). */
export const rowsAsMembers = (rows: readonly ShareRow[]) =>
  rows.map((r) => ({ organizationId: r.organizationId, share: parseShare(r.share) ?? 0, state: r.state }));

/** The share left to 100% after the rows' shares (never below 0). */
const leftOf = (rows: readonly ShareRow[]) =>
  Math.max(0, SHARE_WHOLE - rowsAsMembers(rows).reduce((s, m) => s + m.share, 0));

interface Props {
  value: ShareRow[];
  onChange: (rows: ShareRow[]) => void;
}

/**
 * The consortium's shares as the lead edits them, with the shared rule (src/shared/projects.ts) applied
 * as they type: the sum is shown, and a sum other than 100% is said in words, not only in colour. The
 * lead is the first row and stays; a partner is added with the share that is left and may be removed.
 * A pending invitation's share is set aside at once: it stays the lead's until the partner accepts.
 */
export function SharesEditor({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const sum = rowsAsMembers(value).reduce((s, m) => s + m.share, 0);
  const issues = shareIssues(rowsAsMembers(value));
  const set = (i: number, patch: Partial<ShareRow>) =>
    onChange(value.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sumText = formatShare(sum, i18n.language);
  return (
    <Stack gap="sm">
      {value.map((r, i) => (
        <SimpleGrid key={r.organizationId} cols={{ base: 1, sm: 3 }} spacing="sm" verticalSpacing={4}>
          <Stack gap={0} justify="center">
            <Text fw={600}>{r.shortName}</Text>
            <Text size="sm" c="dimmed">
              {t(`projects.memberStates.${r.state}`)}
            </Text>
          </Stack>
          <TextInput
            label={t("projects.consortium.role", { name: r.shortName })}
            value={r.roleRu}
            required={i > 0}
            maxLength={200}
            onChange={(e) => set(i, { roleRu: e.currentTarget.value })}
          />
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t("projects.consortium.share", { name: r.shortName })}
              value={r.share}
              inputMode="decimal"
              maxLength={6}
              error={
                parseShare(r.share) === null
                  ? t("projects.consortium.shareFormat")
                  : issues.some((x) => x.path === `members.${i}.share`)
                    ? t("projects.consortium.shareRange")
                    : undefined
              }
              onChange={(e) => set(i, { share: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            {i > 0 && (
              <Button
                variant="subtle"
                color="red"
                aria-label={t("projects.consortium.remove", { name: r.shortName })}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              >
                {t("projects.consortium.removeShort")}
              </Button>
            )}
          </Group>
        </SimpleGrid>
      ))}
      <Text fw={600} role="status" aria-live="polite" c={sum === SHARE_WHOLE ? undefined : "red.8"}>
        {sum === SHARE_WHOLE
          ? t("projects.consortium.sum", { sum: sumText })
          : t("projects.consortium.sumWrong", { sum: sumText })}
      </Text>
      {issues.some((x) => x.key === "field.project.members-max") && (
        <Text c="red.8">{t("projects.consortium.max", { max: CONSORTIUM_MAX })}</Text>
      )}
    </Stack>
  );
}

/** Adds an organization found in the directory as a partner, with the share that is left. */
export function PartnerPicker({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search.trim(), 300);
  const found = useQuery({
    queryKey: ["projects", "partner-search", q],
    enabled: q.length >= 2,
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/directory", { params: { query: { q, pageSize: 10 } }, signal })),
  });
  const taken = new Set(value.map((r) => r.organizationId));
  const options = (found.data?.items ?? [])
    .filter((o) => !taken.has(o.id))
    .map((o) => ({ value: o.id, label: o.shortName }));
  if (value.length >= CONSORTIUM_MAX)
    return <Alert color="gray">{t("projects.consortium.max", { max: CONSORTIUM_MAX })}</Alert>;
  return (
    <Select
      label={t("projects.consortium.add")}
      description={t("projects.consortium.addHint")}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options}
      value={null}
      nothingFoundMessage={q.length >= 2 ? t("projects.consortium.nothingFound") : undefined}
      onChange={(id) => {
        const o = options.find((x) => x.value === id);
        if (!o) return;
        onChange([
          ...value,
          {
            organizationId: o.value,
            shortName: o.label,
            roleRu: "",
            share: formatShare(leftOf(value), i18n.language),
            state: "invited",
          },
        ]);
        setSearch("");
      }}
    />
  );
}
