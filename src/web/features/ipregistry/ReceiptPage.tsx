import { Button, Code, Group, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { downloadReceipt } from "./MyDepositsPage";

// Printing shows the receipt alone: the site's header, navigation and footer and the buttons are hidden.
const PRINT_CSS = `@media print {
  header, nav, footer, [data-print-hide] { display: none !important; }
  body { background: #fff !important; }
  .ip-receipt code { white-space: pre-wrap; word-break: break-all; font-size: 9pt; }
}`;

/** A deposit's receipt as a page to print or save as PDF (members of the holder only). */
export default function ReceiptPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  usePageTitle(t("ipregistry.receipt.title"));
  const r = useQuery({
    queryKey: ["ipregistry", "receipt", id],
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/ipregistry/deposits/{id}/receipt", { params: { path: { id } }, signal })),
  });
  if (r.error) return <ProblemAlert error={r.error} />;
  if (!r.data) return <Skeleton height={300} />;
  const d = r.data;
  const date = (v: string | number) =>
    new Date(v).toLocaleString(i18n.language, { timeZone: "Europe/Moscow", timeZoneName: "short" });
  const rows: [string, React.ReactNode][] = [
    [t("ipregistry.form.objectTitle"), d.leaf.title],
    [t("ipregistry.form.type"), t(`ipregistry.types.${d.leaf.type}`)],
    [t("ipregistry.form.holder"), `${d.leaf.holderName} (${t("ipregistry.inn")} ${d.leaf.holderInn})`],
    [t("ipregistry.form.authors"), d.leaf.authors.join(", ")],
    [t("ipregistry.receipt.deposited"), date(d.leaf.timestamp)],
    ["SHA-256", <Code key="h">{d.leaf.fileSha256}</Code>],
    [t("ipregistry.receipt.index"), d.leafIndex],
    [t("ipregistry.receipt.treeSize"), d.treeHead.treeSize],
    [t("ipregistry.receipt.root"), <Code key="r">{d.treeHead.rootHash}</Code>],
    [t("ipregistry.receipt.signed"), date(d.treeHead.timestamp)],
    [t("ipregistry.receipt.signature"), <Code key="s">{d.treeHead.signature}</Code>],
    [
      t("ipregistry.receipt.proof"),
      <Code key="p" block>
        {d.inclusionProof.join("\n")}
      </Code>,
    ],
    [t("ipregistry.receipt.key"), d.logKeyUrl],
  ];
  return (
    <Stack gap="md" className="ip-receipt">
      <style>{PRINT_CSS}</style>
      <Title order={1}>{t("ipregistry.receipt.title")}</Title>
      <Text>{t("ipregistry.receipt.lead")}</Text>
      <Table withTableBorder withColumnBorders>
        <Table.Tbody>
          {rows.map(([k, v]) => (
            <Table.Tr key={k}>
              <Table.Th scope="row" w="30%">
                {k}
              </Table.Th>
              <Table.Td>{v}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm">{t("ipregistry.receipt.howTo")}</Text>
      <Group data-print-hide>
        <Button onClick={() => window.print()}>{t("ipregistry.receipt.print")}</Button>
        <Button variant="default" onClick={() => void downloadReceipt({ id, leafIndex: d.leafIndex })}>
          {t("ipregistry.mine.receiptJson")}
        </Button>
      </Group>
    </Stack>
  );
}
