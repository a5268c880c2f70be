import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { percentOf, useMoney } from "./money";
import { grantQueries } from "./queries";
import type { ProgramCard } from "./types";

// filled dark shades keep WCAG AA contrast for a badge's small text (as components/badgeColors, which
// this chunk does not import: importing it splits it out of the entry's chunk, over the pages' budget)
const WINDOW_COLOR = { open: "teal.9", upcoming: "blue.9", closed: "gray.7" } as const;

/** A program's window as a badge. */
export function WindowBadge({ p }: { p: Pick<ProgramCard, "window"> }) {
  const { t } = useTranslation();
  return (
    <Badge color={WINDOW_COLOR[p.window]} variant="filled">
      {t(`grants.window.${p.window}`)}
    </Badge>
  );
}

/** What a program compensates: each category with its share. */
export function Categories({ p }: { p: Pick<ProgramCard, "categories"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {p.categories.map((c) => (
        <Badge key={c.category} variant="outline" color="indigo.9">
          {t(`grants.categories.${c.category}`)} · {t("grants.upTo", { share: percentOf(c.share) })}
        </Badge>
      ))}
    </Group>
  );
}

/** The public list of grant programs, the open ones first. */
export default function GrantProgramsPage() {
  const { t } = useTranslation();
  usePageTitle(t("grants.programs.title"));
  const { can, user } = useMe();
  const money = useMoney();
  const format = useFormat();
  const list = useQuery(grantQueries.programs());
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("grants.programs.title")}
        subtitle={t("grants.programs.lead")}
        actions={
          <Group gap="xs">
            {user && (
              <Button component={Link} to="/grants/mine" variant="default">
                {t("grants.mine.title")}
              </Button>
            )}
            {can("operator.grants.manage") && (
              <Button component={Link} to="/grants/programs/new">
                {t("grants.programs.new")}
              </Button>
            )}
          </Group>
        }
      />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={240} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("grants.programs.empty")} hint={t("grants.programs.emptyHint")} />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((p) => (
            <Card key={p.id} withBorder component="article">
              <Stack gap={6}>
                <Group justify="space-between" wrap="wrap">
                  <Anchor component={Link} to={`/grants/programs/${p.id}`} fw={600}>
                    {p.titleRu}
                  </Anchor>
                  <WindowBadge p={p} />
                </Group>
                <Text size="sm" c="dimmed">
                  {p.legalBasisRu} № {p.legalBasisNumber}
                </Text>
                <Categories p={p} />
                <Text size="sm">
                  {t("grants.programs.summary", {
                    max: money(p.maxPerApplicant),
                    remaining: money(p.remaining),
                    budget: money(p.budget),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("grants.programs.windowDates", {
                    from: format.date(p.opensAt),
                    to: format.dateTime(p.closesAt),
                  })}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
