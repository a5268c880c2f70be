import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { StatusBadge, useLabels } from "./labels";
import { OrgLogo } from "./OrgShell";
import { orgKeys, orgQueries } from "./queries";
import type { MyJoinRequest } from "./types";

const JOIN_STATE_COLOR: Record<string, string> = {
  pending: "blue",
  approved: "teal",
  rejected: "red",
  cancelled: "gray",
};

/** One of the two ways to an organization: its title, what it means and the button that starts it. */
function PathCard({ path, to, action }: { path: "Register" | "Join"; to: string; action: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md">
      <Stack gap="xs" align="flex-start">
        <Text fw={600}>{t(`organizations.mine.path${path}Title`)}</Text>
        <Text size="sm">{t(`organizations.mine.path${path}Text`)}</Text>
        <Button component={Link} to={to} variant="light">
          {action}
        </Button>
      </Stack>
    </Card>
  );
}

function EmptyState() {
  const { t } = useTranslation();
  return (
    <SectionCard id="orgs-empty-title" title={t("organizations.mine.emptyTitle")} stack="sm">
      <Text>{t("organizations.mine.emptyLead")}</Text>
      <List spacing={4}>
        <List.Item>{t("organizations.mine.benefitStatus")}</List.Item>
        <List.Item>{t("organizations.mine.benefitMeasures")}</List.Item>
        <List.Item>{t("organizations.mine.benefitExchanges")}</List.Item>
      </List>
      <Text fw={600}>{t("organizations.mine.twoPaths")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <PathCard path="Register" to="/organizations/new" action={t("organizations.mine.registerShort")} />
        <PathCard path="Join" to="/directory" action={t("organizations.mine.openDirectory")} />
      </SimpleGrid>
    </SectionCard>
  );
}

function JoinRequests() {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const requests = useQuery(orgQueries.myJoinRequests());
  const cancel = useMutation({
    mutationFn: (r: MyJoinRequest) =>
      client.DELETE("/api/organizations/{id}/join-requests/{subId}", {
        params: { path: { id: r.organization.id, subId: r.id } },
      }),
    onSuccess: () => {
      toast(t("organizations.mine.requestCancelled"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
    },
    onError: (error) => toastError(error),
  });

  if (requests.isError) return <ProblemAlert error={requests.error} />;
  const items = requests.data ?? [];
  if (requests.isPending || items.length === 0) return null;
  const pending = items.filter((r) => r.state === "pending");
  const decided = items.filter((r) => r.state !== "pending").slice(0, 10);
  return (
    <section aria-labelledby="join-requests-title">
      <Title order={2} size="h3" id="join-requests-title" mb="sm">
        {t("organizations.mine.requestsTitle")}
      </Title>
      <Stack gap="xs">
        {[...pending, ...decided].map((r) => (
          <Card key={r.id} withBorder padding="sm">
            <Group justify="space-between" gap="sm" wrap="wrap">
              <div>
                <Text fw={600}>{r.organization.shortName}</Text>
                <Text size="sm">
                  {t("organizations.mine.requestSent", { date: format.date(r.createdAt) })}
                  {r.decidedAt
                    ? ` · ${t("organizations.mine.requestDecided", { date: format.date(r.decidedAt) })}`
                    : ""}
                </Text>
              </div>
              <Group gap="sm">
                <Badge color={JOIN_STATE_COLOR[r.state] ?? "gray"} variant="filled">
                  {t(`organizations.joinRequestState.${r.state}`)}
                </Badge>
                {r.state === "pending" && (
                  <Button
                    size="xs"
                    variant="default"
                    loading={cancel.isPending && cancel.variables?.id === r.id}
                    onClick={() => cancel.mutate(r)}
                    aria-label={t("organizations.mine.cancelRequestFor", { name: r.organization.shortName })}
                  >
                    {t("organizations.mine.cancelRequest")}
                  </Button>
                )}
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </section>
  );
}

export default function MyOrganizationsPage() {
  const { t } = useTranslation();
  usePageTitle(t("organizations.mine.title"));
  const labels = useLabels();
  const queryClient = useQueryClient();
  const mine = useQuery(orgQueries.mine());
  const activate = useMutation({
    mutationFn: (organizationId: string) =>
      unwrap(client.PUT("/api/me/active-organization", { body: { organizationId } })),
    onSuccess: (data, organizationId) => {
      if (data && Array.isArray(data.items)) queryClient.setQueryData(orgKeys.mine, data);
      else void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
      const name = mine.data?.items.find((i) => i.organization.id === organizationId)?.organization.shortName;
      toast(t("organizations.mine.activated", { name: name ?? "" }));
      // everything that depends on the active organization reloads (as with the header's switcher)
      void queryClient.invalidateQueries();
    },
    onError: (error) => toastError(error),
  });

  const items = mine.data?.items ?? [];
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1}>{t("organizations.mine.title")}</Title>
          <Text mt="xs">{t("organizations.mine.lead")}</Text>
        </div>
        <Button component={Link} to="/organizations/new" size="md">
          {t("organizations.mine.register")}
        </Button>
      </Group>

      {mine.isError && <ProblemAlert error={mine.error} />}
      {mine.isPending && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" aria-busy="true">
          <Skeleton height={150} />
          <Skeleton height={150} />
        </SimpleGrid>
      )}

      {mine.data && items.length === 0 && <EmptyState />}

      {items.length > 0 && (
        <section aria-labelledby="memberships-title">
          <Title order={2} size="h3" id="memberships-title" mb="sm">
            {t("organizations.mine.membershipsTitle")}
          </Title>
          {items.length > 1 && (
            <Text size="sm" mb="sm">
              {t("organizations.mine.activeHint")}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {items.map(({ organization: o, role }) => {
              const active = mine.data?.activeOrganizationId === o.id;
              return (
                <Card
                  key={o.id}
                  withBorder
                  padding="lg"
                  component="article"
                  aria-labelledby={`org-${o.id}`}
                  style={
                    active ? { borderColor: "var(--mantine-color-indigo-9)", borderWidth: 2 } : undefined
                  }
                >
                  <Stack gap="sm" h="100%" justify="space-between">
                    <Group gap="md" wrap="nowrap" align="flex-start">
                      <OrgLogo org={o} size={48} />
                      <div style={{ minWidth: 0 }}>
                        <Title order={3} size="h4" id={`org-${o.id}`} style={{ overflowWrap: "anywhere" }}>
                          <Anchor component={Link} to={`/organizations/${o.id}`}>
                            {o.shortName}
                          </Anchor>
                        </Title>
                        <Text size="sm">
                          {labels.type(o.type)} · {labels.place(o)}
                        </Text>
                        <Group gap={4} mt={4}>
                          <StatusBadge status={o.status} suspended={o.statusSuspended} />
                        </Group>
                      </div>
                    </Group>
                    <Group justify="space-between" gap="sm">
                      <Text size="sm">{t("organizations.myRole", { role: labels.role(role) })}</Text>
                      {active ? (
                        <Badge color="indigo" variant="filled">
                          {t("organizations.mine.active")}
                        </Badge>
                      ) : (
                        <Button
                          size="xs"
                          variant="default"
                          loading={activate.isPending && activate.variables === o.id}
                          onClick={() => activate.mutate(o.id)}
                          aria-label={t("organizations.mine.makeActiveFor", { name: o.shortName })}
                        >
                          {t("organizations.mine.makeActive")}
                        </Button>
                      )}
                    </Group>
                  </Stack>
                </Card>
              );
            })}
          </SimpleGrid>
        </section>
      )}

      <JoinRequests />

      {items.length > 0 && (
        <Text size="sm">
          {t("organizations.mine.joinOther")}{" "}
          <Anchor component={Link} to="/directory">
            {t("organizations.mine.openDirectory")}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}
