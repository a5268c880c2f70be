import { Anchor, Badge, Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { lazyPart } from "../../components/lazyPart";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { Topics } from "../../components/Topics";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { StageBadges, Totals, tone, useEntryWhat, useRubles, useShare } from "./labels";
import { projectQueries } from "./queries";
import type { Project, ProjectEntry } from "./types";

// What only the project's managers, an invited organization's managers or an operator use: a chunk of
// the signed-in pages' chunk, fetched when the reader is one of them (a guest never loads it).
const ManagePanels = lazyPart(() => import("./pages.signed").then((m) => m.ManagePanels));
const InvitationAnswer = lazyPart(() => import("./pages.signed").then((m) => m.InvitationAnswer));

function EntryLine({ e, full }: { e: ProjectEntry; full: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rubles = useRubles();
  const what = useEntryWhat()(e);
  return (
    <li>
      <Group gap="xs" wrap="wrap">
        <Text span fw={600}>
          {rubles(e.amount)}
        </Text>
        <Text span>
          {what} · {format.date(e.receivedOn)}
        </Text>
        {full && (
          <Badge {...tone(e.state === "confirmed" ? "teal.9" : e.state === "rejected" ? "red.9" : null)}>
            {t(`projects.entryStates.${e.state}`)}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed">
        {e.sourceRu}
        {e.rejectReason ? ` · ${t("projects.entries.reason", { reason: e.rejectReason })}` : ""}
      </Text>
    </li>
  );
}

function Consortium({ p }: { p: Project }) {
  const { t } = useTranslation();
  const share = useShare();
  const full = p.me.manage || p.me.invitations.length > 0;
  return (
    <SectionCard titleGap="sm" id="project-consortium" title={t("projects.page.consortium")}>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
        {p.members.map((m) => (
          <li key={m.organization.id}>
            <Group gap="xs" wrap="wrap">
              <Anchor component={Link} to={`/directory/${m.organization.id}`} fw={600}>
                {m.organization.shortName}
              </Anchor>
              <Text span>
                {m.roleRu ? `${m.roleRu} · ` : ""}
                {share(m.share)}
              </Text>
              {(full || m.state === "lead") && (
                <Badge {...tone(m.state === "declined" ? "gray.7" : m.state === "invited" ? null : "blue.9")}>
                  {t(`projects.memberStates.${m.state}`)}
                </Badge>
              )}
            </Group>
          </li>
        ))}
      </Stack>
    </SectionCard>
  );
}

/** A project's public page: the lead and consortium, stage, TRL, dates, budget and the confirmed money. */
export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const format = useFormat();
  const rubles = useRubles();
  const q = useQuery(projectQueries.project(id));
  usePageTitle(q.data?.titleRu ?? t("projects.page.title"));
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  const p = q.data;
  const full = p.me.manage || p.me.operate;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/projects", label: t("projects.catalog.title") }}
        title={p.titleRu}
        subtitle={
          <Anchor component={Link} to={`/directory/${p.lead.id}`}>
            {p.lead.shortName}
          </Anchor>
        }
        actions={
          p.me.manage && (
            <Button component={Link} to={`/projects/${p.id}/edit`} variant="light">
              {t("projects.page.edit")}
            </Button>
          )
        }
      />
      {p.me.invitations.length > 0 && <InvitationAnswer project={p} />}
      <SectionCard titleGap="sm" id="project-about" title={t("projects.page.about")}>
        <Stack gap="sm">
          <StageBadges stage={p.stage} trl={p.trl} />
          <Text style={{ whiteSpace: "pre-line" }}>{p.descriptionRu}</Text>
          <Text size="sm">
            {t("projects.page.period", { start: format.date(p.startOn), end: format.date(p.endOn) })}
          </Text>
          {p.budget !== null && (
            <Text size="sm">{t("projects.card.budget", { amount: rubles(p.budget) })}</Text>
          )}
          <Topics industries={p.industries} tags={p.tags} label={t("projects.card.topics")} />
          {p.cluster && (
            <Anchor component={Link} to={`/clusters/${p.cluster.id}`} size="sm">
              {t("projects.card.cluster", { name: p.cluster.nameRu })}
            </Anchor>
          )}
        </Stack>
      </SectionCard>
      <Consortium p={p} />
      <SectionCard titleGap="sm" id="project-money" title={t("projects.page.money")}>
        <Stack gap="sm">
          <Totals totals={p.totals} />
          {p.entries.length === 0 ? (
            <Text>{t("projects.page.noMoney")}</Text>
          ) : (
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: "none" }}>
              {p.entries.map((e) => (
                <EntryLine key={e.id} e={e} full={full} />
              ))}
            </Stack>
          )}
        </Stack>
      </SectionCard>
      {p.me.manage && <ManagePanels project={p} />}
    </Stack>
  );
}
