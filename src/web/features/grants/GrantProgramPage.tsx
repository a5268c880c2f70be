import { Button, Group, List, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { REQUIRED_DOCUMENTS } from "../../../shared/grants";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { WindowBadge } from "./GrantProgramsPage";
import { percentOf, useMoney } from "./money";
import { grantQueries } from "./queries";
import type { Program } from "./types";

/** Who may apply, as sentences. */
function Eligibility({ p }: { p: Program }) {
  const { t } = useTranslation();
  const e = p.eligibility;
  const lines = [
    e.participantsOnly && t("grants.eligibility.participantsOnly"),
    e.orgTypes.length > 0 &&
      t("grants.eligibility.orgTypes", { list: e.orgTypes.map((x) => t(`grants.orgTypes.${x}`)).join(", ") }),
    e.smeCategories.length > 0 &&
      t("grants.eligibility.sme", { list: e.smeCategories.map((x) => t(`grants.sme.${x}`)).join(", ") }),
    e.noTaxDebt && t("grants.eligibility.noTaxDebt"),
    e.minAgeMonths != null && t("grants.eligibility.minAge", { count: e.minAgeMonths }),
  ].filter(Boolean) as string[];
  return (
    <List spacing={4}>
      {lines.map((l) => (
        <List.Item key={l}>{l}</List.Item>
      ))}
    </List>
  );
}

/** A grant program's public page: its rules, categories with their documents and the budget left. */
export default function GrantProgramPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const q = useQuery(grantQueries.program(id));
  usePageTitle(q.data?.titleRu ?? t("grants.programs.title"));
  const { user, can } = useMe();
  const money = useMoney();
  const format = useFormat();
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  const p = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/grants", label: t("grants.programs.title") }}
        title={p.titleRu}
        subtitle={`${p.legalBasisRu} № ${p.legalBasisNumber}`}
        actions={
          <Group gap="xs">
            <WindowBadge p={p} />
            {p.window === "open" && (
              <Button component={Link} to={user ? `/grants/programs/${p.id}/apply` : "/signin"}>
                {t("grants.program.apply")}
              </Button>
            )}
            {can("operator.grants.manage") && (
              <Button component={Link} to={`/grants/programs/${p.id}/edit`} variant="default">
                {t("grants.program.edit")}
              </Button>
            )}
          </Group>
        }
      />
      <Text style={{ whiteSpace: "pre-line" }}>{p.descriptionRu}</Text>
      <SectionCard id="grant-money" title={t("grants.program.money")}>
        <Stack gap={4}>
          <Text>
            {t("grants.program.budget", { budget: money(p.budget), remaining: money(p.remaining) })}
          </Text>
          <Text>{t("grants.program.max", { max: money(p.maxPerApplicant) })}</Text>
          <Text>
            {t("grants.programs.windowDates", {
              from: format.date(p.opensAt),
              to: format.dateTime(p.closesAt),
            })}
          </Text>
          <Text>{t("grants.program.check", { count: p.checkDays })}</Text>
        </Stack>
      </SectionCard>
      <SectionCard id="grant-eligibility" title={t("grants.program.eligibility")}>
        <Eligibility p={p} />
      </SectionCard>
      <SectionCard id="grant-categories" title={t("grants.program.categories")}>
        <Stack gap="sm">
          {p.categories.map((c) => (
            <div key={c.category}>
              <Text fw={600}>
                {t(`grants.categories.${c.category}`)} — {t("grants.upTo", { share: percentOf(c.share) })}
                {c.cap != null && `, ${t("grants.program.cap", { cap: money(c.cap) })}`}
              </Text>
              <Text size="sm" c="dimmed">
                {t("grants.program.documents")}:{" "}
                {REQUIRED_DOCUMENTS[c.category].map((d) => t(`grants.documents.${d}`)).join(", ")}
              </Text>
            </div>
          ))}
        </Stack>
      </SectionCard>
    </Stack>
  );
}
