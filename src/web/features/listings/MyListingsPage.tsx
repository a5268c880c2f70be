import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { badgeColors, StateBadge, titleOf, useLocale } from "./labels";
import { listingQueries } from "./queries";
import { useOrganizationChoice } from "./useOrganizationChoice";

/** The listings of one of the member's organizations (the active one first), every state. */
export default function MyListingsPage() {
  const { t } = useTranslation();
  usePageTitle(t("listings.mine.title"));
  const locale = useLocale();
  const format = useFormat();
  const { mine, orgs, orgId, select } = useOrganizationChoice();
  const list = useQuery({ ...listingQueries.ofOrganization(orgId ?? ""), enabled: Boolean(orgId) });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("listings.mine.title")}
        subtitle={t("listings.mine.lead")}
        actions={
          orgId && (
            <Button component={Link} to="/listings/new">
              {t("listings.mine.new")}
            </Button>
          )
        }
      />
      {mine.isPending ? (
        <Skeleton height={200} />
      ) : mine.error ? (
        <ProblemAlert error={mine.error} />
      ) : orgs.length === 0 ? (
        <Card withBorder padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text>{t("listings.mine.noOrganizations")}</Text>
            <Button component={Link} to="/organizations/new" variant="light">
              {t("listings.form.registerOrganization")}
            </Button>
          </Stack>
        </Card>
      ) : (
        <>
          {select}
          {list.isPending ? (
            <Skeleton height={200} />
          ) : list.error ? (
            <ProblemAlert error={list.error} />
          ) : list.data.items.length === 0 ? (
            <Card withBorder padding="lg">
              <Stack gap="sm" align="flex-start">
                <Text>{t("listings.mine.empty")}</Text>
                <Button component={Link} to="/listings/new">
                  {t("listings.mine.new")}
                </Button>
              </Stack>
            </Card>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {list.data.items.map((l) => (
                <Card key={l.id} component="li" withBorder padding="md">
                  <Stack gap={6}>
                    <Title order={2} size="h4">
                      <Anchor component={Link} to={`/listings/${l.id}`} c="indigo.9">
                        {titleOf(l, locale)}
                      </Anchor>
                    </Title>
                    <Group gap="xs">
                      <StateBadge state={l.state} />
                      {l.pendingState && (
                        <Badge {...badgeColors(l.pendingState === "rejected" ? "red" : "yellow")}>
                          {t(`listings.pendingState.${l.pendingState}`)}
                        </Badge>
                      )}
                      <Text size="sm" c="dimmed">
                        {t(`listings.kinds.${l.kind}.title`)} · {format.dateTime(l.updatedAt)}
                        {l.expiresAt &&
                          ` · ${t("listings.page.validUntil", { date: format.date(l.expiresAt) })}`}
                        {l.state !== "draft" && ` · ${t("listings.page.views", { count: l.views })}`}
                      </Text>
                    </Group>
                    {l.rejectReason && (l.state === "rejected" || l.pendingState === "rejected") && (
                      <Text size="sm">{t("listings.page.reason", { reason: l.rejectReason })}</Text>
                    )}
                  </Stack>
                </Card>
              ))}
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}
