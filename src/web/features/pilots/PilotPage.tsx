import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { INNOVATION_CRITERIA } from "../../../shared/pilots";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { PilotStateBadge } from "./labels";
import { PilotActions, PilotWork } from "./PilotActions";
import { pilotQueries } from "./queries";

const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text size="sm" c="dimmed">
      {label}
    </Text>
    <Text style={{ whiteSpace: "pre-wrap" }}>{children}</Text>
  </div>
);

/** A pilot as its reader's side sees it, with the moves that side may make now. */
export default function PilotPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const pilot = useQuery(pilotQueries.pilot(id));
  usePageTitle(pilot.data?.site.name ?? t("pilotsWork.mine.title"));
  const format = useFormat();
  if (pilot.error) return <ProblemAlert error={pilot.error} />;
  if (!pilot.data) return <Skeleton height={300} />;
  const p = pilot.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/pilots", label: t("pilotsWork.mine.title") }}
        title={p.site.name}
        subtitle={`${p.organization.shortName} → ${p.site.organization.shortName}`}
        actions={<PilotStateBadge state={p.state} />}
      />
      <Card withBorder>
        <Stack gap="sm">
          <Row label={t("pilotsWork.apply.solution")}>{p.solution}</Row>
          <Row label={t("pilotsWork.apply.trl")}>{p.trl}</Row>
          <Row label={t("pilotsWork.apply.expectedEffect")}>{p.expectedEffect}</Row>
          <Row label={t("pilotsWork.apply.team")}>{p.team}</Row>
          <Row label={t("pilotsWork.apply.needs")}>{p.needs}</Row>
          <Row label={t("pilotsWork.page.dates")}>
            {format.date(p.dateFrom)} — {format.date(p.dateTo)}
          </Row>
          {p.operatorAssisted && <Text size="sm">{t("pilotsWork.apply.operatorAssisted")}</Text>}
          <Anchor component={Link} to={`/pilot-sites/${p.site.id}`} size="sm">
            {t("pilotsWork.page.site")}
          </Anchor>
        </Stack>
      </Card>
      {p.innovation && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t("pilotsWork.page.innovation", { score: format.number(p.innovation.score) })}
          </Title>
          <Group gap="lg" mt="xs">
            {INNOVATION_CRITERIA.map((c) => (
              <Text key={c} size="sm">
                {t(`pilotsWork.criteria.${c}`)}: {p.innovation![c]}
              </Text>
            ))}
          </Group>
          <Text mt="xs">{p.innovation.comment}</Text>
        </Card>
      )}
      {p.agreed && (
        <Card withBorder>
          <Row label={t("pilotsWork.page.agreed")}>
            {format.date(p.agreed.dateFrom)} — {format.date(p.agreed.dateTo)}. {p.agreed.conditions}
          </Row>
        </Card>
      )}
      {p.rejectReason && (
        <Card withBorder>
          <Row label={t("pilotsWork.page.rejected")}>{p.rejectReason}</Row>
        </Card>
      )}
      {p.result && (
        <Card withBorder>
          <Row label={p.result.success ? t("pilots.result.success") : t("pilots.result.failure")}>
            {t("pilots.result.measured", { effect: p.result.measuredEffect })}
          </Row>
        </Card>
      )}
      <PilotActions p={p} />
      {p.state !== "submitted" && p.agreed && <PilotWork p={p} />}
      {p.files.length > 0 && (
        <Card withBorder>
          <Title order={2} size="h4">
            {t("pilotsWork.page.files")}
          </Title>
          {p.files.map((f) => (
            <Anchor key={f.id} href={f.url} display="block" size="sm">
              {t(`pilotsWork.page.fileKinds.${f.kind}`)}: {f.name} ({format.fileSize(f.size)})
            </Anchor>
          ))}
        </Card>
      )}
    </Stack>
  );
}
