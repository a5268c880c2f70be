// «Открытые данные» (/open-data): the data sets the platform publishes under CC BY 4.0 (GET
// /api/open/datasets) — what each holds, its columns (a disclosure each), when it was last generated,
// its rows, the CSV, JSON and Table Schema downloads and its live API. Public and server-rendered; a
// lazy chunk (MoreRoutes.tsx). Plain elements (a table, <details>) rather than Mantine's Table and
// Accordion: a public page of the bundle budget, within the 150 kB aim.
import { Anchor, Button, Code, Group, Stack, Text, Title } from "@mantine/core";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";

type Catalogue = components["schemas"]["OpenDataCatalogue"];
type Dataset = Catalogue["datasets"][number];

const catalogueQuery = () =>
  queryOptions({
    queryKey: ["public", "opendata"] as const,
    queryFn: ({ signal }) => unwrap(client.GET("/api/open/datasets", { signal })),
    staleTime: 60_000,
  });

function DatasetSection({ d, lang }: { d: Dataset; lang: "ru" | "en" }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = `dataset-${d.name}`;
  return (
    <section aria-labelledby={id} className="opendata-set">
      <Title order={2} id={id} mb="xs">
        {d.title[lang]}
      </Title>
      <Text mb="xs">{d.description[lang]}</Text>
      <Text size="sm" c="dimmed" mb="sm">
        {d.generatedAt
          ? t("opendata.updated", { at: format.dateTime(d.generatedAt), rows: format.number(d.rows ?? 0) })
          : t("opendata.notYet")}
      </Text>
      <Group gap="md" mb="sm">
        {d.csv && (
          <Anchor href={d.csv.url} download={`${d.name}.csv`}>
            {t("opendata.csv", { name: d.title[lang] })}
          </Anchor>
        )}
        {d.json && (
          <Anchor href={d.json.url} download={`${d.name}.json`}>
            {t("opendata.json", { name: d.title[lang] })}
          </Anchor>
        )}
        <Anchor href={d.schema}>{t("opendata.schema", { name: d.title[lang] })}</Anchor>
      </Group>
      <Text size="sm" mb="sm">
        {t("opendata.api")} <Code>{`GET ${d.api}?page=1&pageSize=100`}</Code>
      </Text>
      <details className="opendata-columns">
        <summary>{t("opendata.columns", { count: d.columns.length })}</summary>
        <table className="numbers-table opendata-table">
          <caption className="sr-only">{t("opendata.columnsOf", { name: d.title[lang] })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("opendata.column.key")}</th>
              <th scope="col">{t("opendata.column.type")}</th>
              <th scope="col">{t("opendata.column.description")}</th>
            </tr>
          </thead>
          <tbody>
            {d.columns.map((c) => (
              <tr key={c.key}>
                <th scope="row">
                  <code>{c.key}</code>
                </th>
                <td>{c.type}</td>
                <td>{c.description[lang]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

export default function OpenDataPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("opendata.title"));
  const q = useQuery(catalogueQuery());
  const lang = i18n.language === "en" ? "en" : "ru";
  const c = q.data;
  return (
    <Stack gap={40}>
      <PageHeader title={t("opendata.title")} subtitle={t("opendata.lead")} />
      <section aria-labelledby="opendata-licence">
        <Title order={2} id="opendata-licence" mb="xs">
          {t("opendata.licence.title")}
        </Title>
        <Text mb="xs">
          {t("opendata.licence.text")}{" "}
          <Anchor href="https://creativecommons.org/licenses/by/4.0/deed.ru" target="_blank" rel="noopener">
            Creative Commons Attribution 4.0 (CC BY 4.0)
          </Anchor>
        </Text>
        {c && <Text mb="xs">{t("opendata.licence.attribution", { text: c.licence.attribution[lang] })}</Text>}
        <Text>
          {t("opendata.howto")} <Code>GET /api/open/datasets</Code>
        </Text>
      </section>
      {q.isError ? (
        <Group>
          <Text role="alert">{t("opendata.unavailable")}</Text>
          <Button variant="default" onClick={() => void q.refetch()}>
            {t("opendata.retry")}
          </Button>
        </Group>
      ) : !c ? (
        <Text aria-busy="true">{t("opendata.loading")}</Text>
      ) : (
        c.datasets.map((d) => <DatasetSection key={d.name} d={d} lang={lang} />)
      )}
    </Stack>
  );
}
