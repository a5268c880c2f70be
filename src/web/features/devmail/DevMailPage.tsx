import { Anchor, Button, Skeleton, Stack, Table, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { pageFrom } from "../../components/pageFrom";
import { ScrollTable, translatedHeaders } from "../../components/table/ScrollTable";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { devMailQueries } from "./queries";

const PAGE_SIZE = 20;

export default function DevMailPage() {
  const { t } = useTranslation();
  usePageTitle(t("devmail.title"));
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const page = pageFrom(params);

  const mail = useQuery({
    ...devMailQueries.page(page, PAGE_SIZE),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
  const data = mail.data;
  const unavailable = mail.error instanceof ApiError && mail.error.status === 404;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t("devmail.title")}
        subtitle={t("devmail.lead")}
        actions={
          <Button variant="default" onClick={() => void mail.refetch()} loading={mail.isRefetching}>
            {t("devmail.refresh")}
          </Button>
        }
      />

      {unavailable ? (
        <Text>{t("devmail.unavailable")}</Text>
      ) : (
        mail.isError && <ProblemAlert error={mail.error} />
      )}
      {mail.isPending && <Skeleton height={200} />}
      {data && data.items.length === 0 && <Text>{t("devmail.empty")}</Text>}
      {data && data.items.length > 0 && (
        <div>
          <ScrollTable
            minWidth={720}
            label={t("devmail.tableLabel")}
            striped
            highlightOnHover
            verticalSpacing="sm"
            headers={translatedHeaders(t, "devmail", ["subject", "to", "createdAt", "sentAt"])}
          >
            {data.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/dev/mail/${encodeURIComponent(m.id)}`}>
                    {m.subject || t("devmail.noSubject")}
                  </Anchor>
                </Table.Td>
                <Table.Td style={{ wordBreak: "break-all" }}>{m.to}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(m.createdAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  {m.sentAt ? format.dateTime(m.sentAt) : t("devmail.notSent")}
                </Table.Td>
              </Table.Tr>
            ))}
          </ScrollTable>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onChange={(p) => setParams(p > 1 ? { page: String(p) } : {}, { replace: true })}
          />
        </div>
      )}
    </Stack>
  );
}
