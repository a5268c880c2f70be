// «Кластер в цифрах» (/numbers): the cluster's figures from GET /api/public/numbers — big figures, the
// organizations by status and region, investment by type, and a chart of each monthly series with its
// table. Public and server-rendered; a lazy chunk of its own (App.tsx), so no other page carries it.
// Plain elements (tables, figures) rather than Mantine's Table and Card: a public page of the bundle
// budget, within the 150 kB aim.
import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useRubles } from "./format";
import { numbersQuery } from "./queries";
import { SeriesChart } from "./SeriesChart";
import type { ClusterNumbers } from "./types";

function Figure({ value, label, note }: { value: string; label: string; note?: string }) {
  return (
    <div className="numbers-figure">
      <Text className="stat-value">{value}</Text>
      <Text fw={500}>{label}</Text>
      {note && (
        <Text size="sm" c="dimmed">
          {note}
        </Text>
      )}
    </div>
  );
}

function Figures({ n }: { n: ClusterNumbers }) {
  const { t } = useTranslation();
  const num = useFormat().number;
  const rubles = useRubles().compact;
  return (
    <section aria-labelledby="numbers-figures">
      <Title order={2} id="numbers-figures" mb="md">
        {t("numbers.figures.title")}
      </Title>
      <div className="tile-grid tile-grid--xs tile-grid--figures">
        <Figure value={num(n.organizations.total)} label={t("numbers.figures.organizations")} />
        <Figure value={num(n.organizations.byStatus.participant)} label={t("numbers.figures.participants")} />
        <Figure value={num(n.organizations.byStatus.partner)} label={t("numbers.figures.partners")} />
        <Figure
          value={num(n.projects.total)}
          label={t("numbers.figures.projects")}
          note={t("numbers.figures.joint", { count: n.projects.joint })}
        />
        <Figure
          value={rubles(n.investment.total)}
          label={t("numbers.figures.investment")}
          note={t("numbers.figures.investmentEntries", { count: n.investment.entries })}
        />
        <Figure value={rubles(n.support.total)} label={t("numbers.figures.support")} />
        <Figure
          value={rubles(n.grants.approved)}
          label={t("numbers.figures.grantsApproved")}
          note={t("numbers.figures.grantsApprovedCount", { count: n.grants.approvedCount })}
        />
        <Figure
          value={rubles(n.grants.paid)}
          label={t("numbers.figures.grantsPaid")}
          note={t("numbers.figures.grantsPaidCount", { count: n.grants.paidCount })}
        />
        <Figure
          value={num(n.pilots.completed)}
          label={t("numbers.figures.pilots")}
          note={t("numbers.figures.pilotsRunning", { count: n.pilots.running })}
        />
        <Figure
          value={num(n.challenges.published)}
          label={t("numbers.figures.challenges")}
          note={t("numbers.figures.challengesResults", { count: n.challenges.withResults })}
        />
        <Figure
          value={rubles(n.challenges.awarded)}
          label={t("numbers.figures.awarded")}
          note={t("numbers.figures.awards", { count: n.challenges.awards })}
        />
      </div>
    </section>
  );
}

/** A table with a caption, a header row and a row header per row (the first cell). */
function DataTable({ caption, head, rows }: { caption: string; head: string[]; rows: string[][] }) {
  return (
    <table className="numbers-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, ...cells]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row's cells are its columns, in order
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Breakdowns({ n }: { n: ClusterNumbers }) {
  const { t } = useTranslation();
  const num = useFormat().number;
  const rubles = useRubles().full;
  const o = n.organizations;
  const count = t("numbers.organizations.count");
  return (
    <>
      <section aria-labelledby="numbers-orgs">
        <Title order={2} id="numbers-orgs" mb="md">
          {t("numbers.organizations.title")}
        </Title>
        <div className="tile-grid tile-grid--sm">
          <DataTable
            caption={t("numbers.organizations.byStatus")}
            head={[t("numbers.organizations.status"), count]}
            rows={(["participant", "partner", "none"] as const).map((s) => [
              t(`numbers.organizations.${s}`),
              num(o.byStatus[s]),
            ])}
          />
          <DataTable
            caption={t("numbers.organizations.byRegion")}
            head={[t("numbers.organizations.region"), count]}
            rows={[
              ...o.regions.map((r) => [r.name, num(r.count)]),
              [t("numbers.organizations.otherRegions"), num(o.otherRegions)],
            ]}
          />
        </div>
        <Anchor component={Link} to="/directory" size="sm" mt="sm" display="inline-block">
          {t("numbers.organizations.toDirectory")}
        </Anchor>
      </section>
      <section aria-labelledby="numbers-investment">
        <Title order={2} id="numbers-investment" mb="md">
          {t("numbers.investment.title")}
        </Title>
        <DataTable
          caption={t("numbers.investment.caption")}
          head={[
            t("numbers.investment.type"),
            t("numbers.investment.amount"),
            t("numbers.investment.entries"),
          ]}
          rows={n.investment.byType.map((b) => [
            t(`numbers.investment.types.${b.type}`),
            rubles(b.amount),
            num(b.entries),
          ])}
        />
        <Anchor component={Link} to="/projects" size="sm" mt="sm" display="inline-block">
          {t("numbers.investment.toProjects")}
        </Anchor>
      </section>
    </>
  );
}

export default function NumbersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t("numbers.title"));
  const numbers = useQuery(numbersQuery());
  const n = numbers.data;

  return (
    <Stack gap={40}>
      <PageHeader title={t("numbers.title")} subtitle={t("numbers.lead")}>
        {n && (
          <Text size="sm" c="dimmed">
            {t("numbers.computedAt", { at: format.dateTime(n.computedAt) })}
          </Text>
        )}
      </PageHeader>
      {numbers.isError ? (
        <Group>
          <Text role="alert">{t("numbers.unavailable")}</Text>
          <Button variant="default" onClick={() => void numbers.refetch()}>
            {t("numbers.retry")}
          </Button>
        </Group>
      ) : !n ? (
        <Text aria-busy="true">{t("numbers.loading")}</Text>
      ) : (
        <>
          <Figures n={n} />
          <Breakdowns n={n} />
          <section aria-labelledby="numbers-series">
            <Title order={2} id="numbers-series" mb="xs">
              {t("numbers.series.title")}
            </Title>
            <Text mb="lg">{t("numbers.series.lead")}</Text>
            <div className="numbers-charts">
              {n.series.map((s) => (
                <SeriesChart key={s.key} series={s} months={n.months} />
              ))}
            </div>
          </section>
        </>
      )}
    </Stack>
  );
}
