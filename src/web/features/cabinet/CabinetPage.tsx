import { Anchor, Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { BellIcon, CheckIcon, MessageIcon } from "../../components/icons";
import { lazyPart } from "../../components/lazyPart";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { MeasureCardView } from "../measures/MeasureCardView";
import { ApplicationStateBadge, StatusBadge } from "../organizations/labels";
import { cabinetQueries } from "./queries";
import type { Cabinet, CabinetOrganization, CabinetStep } from "./types";

/** The exchanges' responses waiting for the member's organizations (the listings' chunk). */
const AwaitingResponses = lazyPart(() =>
  import("../listings/AwaitingResponses").then((m) => m.AwaitingResponses),
);

/** Filled badges in dark shades: white text on them meets AA contrast. */
const STATE_COLOR = { done: "teal.9", todo: "blue.8", waiting: "gray.7" } as const;

/** The two ways in for someone without an organization: register one, or ask to join one. */
function WaysIn() {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Card withBorder padding="md">
        <Stack gap="xs" align="flex-start">
          <Title order={3} size="h4">
            {t("cabinet.waysIn.registerTitle")}
          </Title>
          <Text size="sm">{t("cabinet.waysIn.registerText")}</Text>
          <Button component={Link} to="/organizations/new">
            {t("cabinet.waysIn.register")}
          </Button>
        </Stack>
      </Card>
      <Card withBorder padding="md">
        <Stack gap="xs" align="flex-start">
          <Title order={3} size="h4">
            {t("cabinet.waysIn.joinTitle")}
          </Title>
          <Text size="sm">{t("cabinet.waysIn.joinText")}</Text>
          <Button component={Link} to="/directory" variant="light">
            {t("cabinet.waysIn.join")}
          </Button>
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

/** What a step says and where its link leads, from its state and the cabinet's facts. */
function useStepView(
  step: CabinetStep,
  cabinet: Cabinet,
): { detail: ReactNode; link?: { to: string; label: string } } {
  const { t } = useTranslation();
  const org = cabinet.organizations.find((o) => o.id === step.organizationId);
  const orgPage = step.organizationId ? `/organizations/${step.organizationId}` : null;
  switch (step.key) {
    case "confirm-email":
      return step.state === "done"
        ? { detail: t("cabinet.steps.confirm-email.done", { email: cabinet.user.email }) }
        : {
            detail: t("cabinet.steps.confirm-email.todo"),
            link: { to: "/account", label: t("cabinet.steps.confirm-email.link") },
          };
    case "organization":
      if (step.state === "done")
        return { detail: t("cabinet.steps.organization.done", { name: org?.shortName ?? "" }) };
      if (step.state === "waiting")
        return {
          detail: t("cabinet.steps.organization.waiting", {
            name: cabinet.pendingJoinRequests[0]?.organization.shortName ?? "",
          }),
          link: { to: "/organizations", label: t("cabinet.steps.organization.waitingLink") },
        };
      return {
        detail: t("cabinet.steps.organization.todo"),
        link: { to: "/organizations/new", label: t("cabinet.steps.organization.link") },
      };
    case "profile":
      if (!orgPage) return { detail: t("cabinet.steps.needOrganization") };
      if (step.state === "done") return { detail: t("cabinet.steps.profile.done") };
      return {
        detail: step.missing?.length
          ? t("cabinet.steps.profile.missing", {
              list: step.missing.map((m) => t(`cabinet.facts.${m}`)).join(", "),
            })
          : t("cabinet.steps.profile.todo"),
        link: { to: orgPage, label: t("cabinet.steps.profile.link") },
      };
    case "status":
      if (!orgPage) return { detail: t("cabinet.steps.needOrganization") };
      if (step.state === "done") return { detail: t("cabinet.steps.status.done") };
      if (step.state === "waiting")
        return {
          detail: t("cabinet.steps.status.waiting", { days: cabinet.reviewWorkingDays }),
          link: { to: `${orgPage}/status`, label: t("cabinet.steps.status.waitingLink") },
        };
      if (step.needsVerification)
        return {
          detail: t("cabinet.steps.status.verifyFirst"),
          link: { to: `${orgPage}/verification`, label: t("cabinet.steps.status.verifyLink") },
        };
      return {
        detail: t("cabinet.steps.status.todo"),
        link: { to: `${orgPage}/status`, label: t("cabinet.steps.status.link") },
      };
  }
}

function StepItem({ step, cabinet }: { step: CabinetStep; cabinet: Cabinet }) {
  const { t } = useTranslation();
  const view = useStepView(step, cabinet);
  return (
    <li className="cabinet-step" data-state={step.state}>
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <span className="cabinet-step-mark" aria-hidden="true">
          {step.state === "done" ? <CheckIcon size={16} /> : null}
        </span>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>{t(`cabinet.steps.${step.key}.title`)}</Text>
            <Badge color={STATE_COLOR[step.state]} variant="filled" tt="none">
              {t(`cabinet.stepState.${step.state}`)}
            </Badge>
          </Group>
          <Text size="sm">{view.detail}</Text>
          {view.link && (
            <Anchor component={Link} to={view.link.to} size="sm" fw={500}>
              {view.link.label}
            </Anchor>
          )}
        </Stack>
      </Group>
    </li>
  );
}

function Checklist({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const done = cabinet.steps.filter((s) => s.state === "done").length;
  return (
    <SectionCard id="steps-title" title={t("cabinet.steps.title")}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t("cabinet.steps.progress", { done, total: cabinet.steps.length })}
        </Text>
        <ol className="cabinet-steps">
          {cabinet.steps.map((s) => (
            <StepItem key={s.key} step={s} cabinet={cabinet} />
          ))}
        </ol>
        {cabinet.organizations.length === 0 && (
          <Stack gap="sm">
            <Text fw={600}>{t("cabinet.waysIn.title")}</Text>
            <WaysIn />
          </Stack>
        )}
      </Stack>
    </SectionCard>
  );
}

function ApplicationLine({ org, reviewDays }: { org: CabinetOrganization; reviewDays: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const app = org.application;
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h4">
            <Anchor component={Link} to={`/organizations/${org.id}/status`}>
              {org.shortName}
            </Anchor>
          </Title>
          <Group gap={4}>
            <StatusBadge status={org.status} />
            {app && <ApplicationStateBadge state={app.state} />}
          </Group>
        </Group>
        {!app ? (
          <Text size="sm">{t("cabinet.applications.none")}</Text>
        ) : (
          <>
            <Text size="sm">
              {t("cabinet.applications.submitted", {
                status: t(`cabinet.applications.requested.${app.requestedStatus}`),
                date: format.date(app.submittedAt),
              })}
            </Text>
            {app.state === "pending" && app.dueOn && (
              <Text size="sm" fw={500}>
                {t("cabinet.applications.due", { date: format.date(app.dueOn), days: reviewDays })}
              </Text>
            )}
            {app.state === "returned" && (
              <Text size="sm" fw={500}>
                {t("cabinet.applications.returned")}
              </Text>
            )}
            {app.decidedAt && app.state !== "returned" && (
              <Text size="sm">{t("cabinet.applications.decided", { date: format.date(app.decidedAt) })}</Text>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Applications({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  return (
    <SectionCard id="applications-title" title={t("cabinet.applications.title")}>
      {cabinet.organizations.length === 0 ? (
        <Text>{t("cabinet.applications.noOrganization")}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("cabinet.applications.serviceLevel", { days: cabinet.reviewWorkingDays })}
          </Text>
          {cabinet.organizations.map((o) => (
            <ApplicationLine key={o.id} org={o} reviewDays={cabinet.reviewWorkingDays} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/** An empty section's note: what is (not) there, and the link to do something about it. */
function EmptyNote({ text, to, link }: { text: string; to: string; link: string }) {
  return (
    <Stack gap="xs" align="flex-start">
      <Text>{text}</Text>
      <Anchor component={Link} to={to}>
        {link}
      </Anchor>
    </Stack>
  );
}

function NewMeasures({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const m = cabinet.newMeasures;
  return (
    <SectionCard id="new-measures-title" title={t("cabinet.newMeasures.title")}>
      {!m.organization ? (
        <EmptyNote
          text={t("cabinet.newMeasures.noOrganization")}
          to="/measures"
          link={t("cabinet.newMeasures.openNavigator")}
        />
      ) : m.total === 0 ? (
        <EmptyNote
          text={t("cabinet.newMeasures.empty", { name: m.organization.shortName, days: m.days })}
          to="/measures"
          link={t("cabinet.newMeasures.openNavigator")}
        />
      ) : (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t("cabinet.newMeasures.lead", { name: m.organization.shortName, days: m.days, count: m.total })}
          </Text>
          {m.items.map((card) => (
            <MeasureCardView key={card.id} measure={card} headingLevel={3} />
          ))}
          {m.total > m.items.length && (
            <Anchor component={Link} to="/measures">
              {t("cabinet.newMeasures.more", { count: m.total - m.items.length })}
            </Anchor>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}

function ClosingSoon({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const { items, days } = cabinet.closingSoon;
  return (
    <SectionCard id="closing-title" title={t("cabinet.closingSoon.title")}>
      {items.length === 0 ? (
        <EmptyNote
          text={t("cabinet.closingSoon.empty", { days })}
          to="/measures/saved"
          link={t("cabinet.closingSoon.saved")}
        />
      ) : (
        <Stack gap="sm">
          {items.map((card) => (
            <MeasureCardView key={card.id} measure={card} headingLevel={3} />
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

/**
 * The yearly KPI reports the member's organizations still have to submit; for a member of a cluster
 * participant with none due, a line saying so and the link to all its reports.
 */
function PendingReports({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = cabinet.kpiReports;
  if (!items.length && !cabinet.organizations.some((o) => o.status === "participant")) return null;
  return (
    <SectionCard id="kpi-title" title={t("cabinet.kpiReports.title")}>
      <Stack gap="sm">
        {items.length === 0 && <Text size="sm">{t("cabinet.kpiReports.allDone")}</Text>}
        {items.map((r) => (
          <Group key={r.id} justify="space-between" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={`/cabinet/reports/${r.id}`} fw={600}>
                {t(r.state === "returned" ? "cabinet.kpiReports.returned" : "cabinet.kpiReports.due", {
                  year: r.year,
                  due: format.dateTime(r.dueAt),
                })}
              </Anchor>
              <Text size="sm" c="dimmed">
                {r.organization.shortName}
                {r.fill ? "" : ` · ${t("cabinet.kpiReports.managersOnly")}`}
              </Text>
            </Stack>
            {r.fill && (
              <Button component={Link} to={`/cabinet/reports/${r.id}`} size="xs" variant="light">
                {t(r.state === "not_started" ? "cabinet.kpiReports.start" : "cabinet.kpiReports.continue")}
              </Button>
            )}
          </Group>
        ))}
        <Anchor component={Link} to="/cabinet/reports" size="sm">
          {t("cabinet.kpiReports.all")}
        </Anchor>
      </Stack>
    </SectionCard>
  );
}

/** The managers' work waiting: grants' yearly reports falling due and cluster applications to decide. */
function Waiting({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { grantReports, clusterDecisions } = cabinet;
  if (!grantReports.length && !clusterDecisions.length) return null;
  return (
    <SectionCard id="waiting-title" title={t("cabinet.waiting.title")}>
      <Stack gap="sm" component="ul" className="cabinet-waiting">
        {grantReports.map((r) => (
          <Stack key={r.id} gap={2} component="li">
            <Anchor component={Link} to={`/grants/applications/${r.application.id}`} fw={600}>
              {t("cabinet.waiting.grantReport", { year: r.year, title: r.application.titleRu })}
            </Anchor>
            <Text size="sm" c={r.overdue ? "red.8" : undefined} fw={r.overdue ? 600 : undefined}>
              {t(r.overdue ? "cabinet.waiting.overdue" : "cabinet.waiting.due", {
                date: format.date(r.dueOn),
              })}
              {r.state === "returned" ? ` · ${t("cabinet.waiting.returned")}` : ""}
            </Text>
            <Text size="sm" c="dimmed">
              {r.organization.shortName}
            </Text>
          </Stack>
        ))}
        {clusterDecisions.map((d) => (
          <Stack key={d.cluster.id} gap={2} component="li">
            <Anchor component={Link} to={`/clusters/${d.cluster.id}/applications`} fw={600}>
              {t("cabinet.waiting.clusterApplications", { count: d.count, cluster: d.cluster.nameRu })}
            </Anchor>
            <Text size="sm">
              {t("cabinet.waiting.oldest", {
                name: d.oldest.organization,
                date: format.date(d.oldest.since),
              })}
            </Text>
            <Text size="sm" c="dimmed">
              {t("cabinet.waiting.lead", { name: d.lead.shortName })}
            </Text>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}

function Unread({ cabinet }: { cabinet: Cabinet }) {
  const { t } = useTranslation();
  const { notifications, messages } = cabinet.unread;
  return (
    <SectionCard id="unread-title" title={t("cabinet.unread.title")}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Button
          component={Link}
          to="/notifications"
          variant="default"
          leftSection={<BellIcon size={18} />}
          justify="flex-start"
        >
          {t("cabinet.unread.notifications", { count: notifications })}
        </Button>
        <Button
          component={Link}
          to="/messages"
          variant="default"
          leftSection={<MessageIcon size={18} />}
          justify="flex-start"
        >
          {t("cabinet.unread.messages", { count: messages })}
        </Button>
      </SimpleGrid>
    </SectionCard>
  );
}

function MemberCabinet() {
  const { t } = useTranslation();
  usePageTitle(t("cabinet.title"));
  const cabinet = useQuery(cabinetQueries.cabinet());
  const data = cabinet.data;
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("cabinet.title")}
        subtitle={data ? t("cabinet.greeting", { name: data.user.fullName }) : t("cabinet.lead")}
      />
      {cabinet.isError && <ProblemAlert error={cabinet.error} />}
      {cabinet.isPending && (
        <Stack gap="md" aria-busy="true">
          <Skeleton height={220} />
          <Skeleton height={160} />
        </Stack>
      )}
      {data && (
        <>
          <Checklist cabinet={data} />
          <Waiting cabinet={data} />
          <PendingReports cabinet={data} />
          <Unread cabinet={data} />
          {data.organizations.length > 0 && <AwaitingResponses />}
          <Applications cabinet={data} />
          <NewMeasures cabinet={data} />
          <ClosingSoon cabinet={data} />
        </>
      )}
    </Stack>
  );
}

/** The participants' KPI reports below /cabinet (their own chunk). */
const KpiReports = lazyPart(() => import("../kpiReports/routes").then((m) => m.KpiReportRoutes));

export default function CabinetPage() {
  return useParams()["*"] ? <KpiReports side="cabinet" /> : <MemberCabinet />;
}
