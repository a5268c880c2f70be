import {
  Alert,
  Anchor,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Select,
  Skeleton,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { client, unwrap } from "../../api/client";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Pager } from "../../components/Pager";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import type { Deposit } from "./types";
import { fileSha256 } from "./verify";

const PAGE_SIZE = 20;
// The exchanges' kinds of IP objects (src/shared/listings.ts IP_OBJECT_TYPES), named here so this page
// does not pull the exchanges' vocabulary chunk apart (the contract's type checks the list).
const IP_OBJECT_TYPES = [
  "invention",
  "utility_model",
  "industrial_design",
  "software",
  "database",
  "know_how",
] as const satisfies readonly Deposit["type"][];

/** Downloads a deposit's receipt as JSON (receipt-<index>.json). */
export async function downloadReceipt(d: Pick<Deposit, "id" | "leafIndex">) {
  const r = await unwrap(
    client.GET("/api/ipregistry/deposits/{id}/receipt", { params: { path: { id: d.id } } }),
  );
  const url = URL.createObjectURL(new Blob([JSON.stringify(r, null, 2)], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = `receipt-${d.leafIndex}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function DepositForm() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const mine = useMyOrganizations();
  const participants = (mine.data?.items ?? []).filter(
    (o) => o.organization.status === "participant" && !o.organization.statusSuspended,
  );
  const [org, setOrg] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [type, setType] = useState<string | null>(null);
  const [authors, setAuthors] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [hash, setHash] = useState<string | null>(null);
  const organizationId = org ?? participants[0]?.organization.id ?? null;
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/ipregistry/deposits", {
          body: {
            organizationId: organizationId ?? "",
            title,
            type: (type ?? "") as Deposit["type"],
            authors: authors
              .split("\n")
              .map((a) => a.trim())
              .filter(Boolean),
            fileSha256: hash ?? "",
          },
        }),
      ),
    onSuccess: () => {
      setTitle("");
      setAuthors("");
      setFile(null);
      setHash(null);
      void qc.invalidateQueries({ queryKey: ["ipregistry"] });
    },
  });
  if (mine.data && participants.length === 0)
    return <Alert color="blue.9">{t("ipregistry.form.noParticipant")}</Alert>;
  return (
    <Card withBorder component="section" aria-labelledby="deposit-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text fw={600} component="h2" id="deposit-form">
            {t("ipregistry.form.title")}
          </Text>
          <Select
            label={t("ipregistry.form.holder")}
            data={participants.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
            value={organizationId}
            onChange={setOrg}
            allowDeselect={false}
          />
          <FileInput
            label={t("ipregistry.form.file")}
            description={t("ipregistry.form.fileHint")}
            value={file}
            onChange={(f) => {
              setFile(f);
              setHash(null);
              if (f) void fileSha256(f).then(setHash);
            }}
          />
          {hash && (
            <Text size="sm">
              SHA-256: <Code data-testid="file-hash">{hash}</Code>
            </Text>
          )}
          <TextInput
            label={t("ipregistry.form.objectTitle")}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            maxLength={300}
          />
          <Select
            label={t("ipregistry.form.type")}
            data={IP_OBJECT_TYPES.map((v) => ({ value: v, label: t(`ipregistry.types.${v}`) }))}
            value={type}
            onChange={setType}
            required
          />
          <Textarea
            label={t("ipregistry.form.authors")}
            description={t("ipregistry.form.authorsHint")}
            value={authors}
            onChange={(e) => setAuthors(e.currentTarget.value)}
            autosize
            minRows={2}
            required
          />
          {save.error && <ProblemAlert error={save.error} />}
          {save.data && (
            <Alert color="green.9" title={t("ipregistry.form.done", { index: save.data.leafIndex })}>
              <Group gap="sm">
                <Button size="xs" variant="default" onClick={() => void downloadReceipt(save.data)}>
                  {t("ipregistry.mine.receiptJson")}
                </Button>
                <Anchor component={Link} to={`/ipregistry/receipts/${save.data.id}`} size="sm">
                  {t("ipregistry.mine.receiptPrint")}
                </Anchor>
              </Group>
            </Alert>
          )}
          <Button type="submit" loading={save.isPending} disabled={!hash || !organizationId} w="fit-content">
            {t("ipregistry.form.submit")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** Deposit a fingerprint, and the deposits of the reader's organizations with their receipts. */
export default function MyDepositsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t("ipregistry.mine.title"));
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ["ipregistry", "mine", page],
    queryFn: ({ signal }) =>
      unwrap(
        client.GET("/api/ipregistry/deposits/mine", {
          params: { query: { page, pageSize: PAGE_SIZE } },
          signal,
        }),
      ),
  });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("ipregistry.mine.title")}
        subtitle={t("ipregistry.mine.lead")}
        actions={
          <Button component={Link} to="/ipregistry" variant="default">
            {t("ipregistry.register.title")}
          </Button>
        }
      />
      <DepositForm />
      {list.error ? (
        <ProblemAlert error={list.error} />
      ) : !list.data ? (
        <Skeleton height={120} />
      ) : list.data.items.length === 0 ? (
        <EmptyState text={t("ipregistry.mine.empty")} />
      ) : (
        <Stack gap="sm">
          {list.data.items.map((d) => (
            <Card key={d.id} withBorder component="article">
              <Stack gap={4}>
                <Text fw={600}>{d.title}</Text>
                <Text size="sm">
                  {t(`ipregistry.types.${d.type}`)} · {d.holderName} ·{" "}
                  {new Date(d.timestamp).toLocaleString(i18n.language, { timeZone: "Europe/Moscow" })} · №
                  {d.leafIndex}
                </Text>
                <Group gap="sm">
                  <Button size="xs" variant="default" onClick={() => void downloadReceipt(d)}>
                    {t("ipregistry.mine.receiptJson")}
                  </Button>
                  <Anchor component={Link} to={`/ipregistry/receipts/${d.id}`} size="sm">
                    {t("ipregistry.mine.receiptPrint")}
                  </Anchor>
                </Group>
              </Stack>
            </Card>
          ))}
          <Pager page={page} pageSize={PAGE_SIZE} total={list.data.total} onChange={setPage} />
        </Stack>
      )}
    </Stack>
  );
}
