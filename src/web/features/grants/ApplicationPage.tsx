import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileButton,
  Group,
  List,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type GrantState, REQUIRED_DOCUMENTS } from "../../../shared/grants";
import { client, multipart, unwrap } from "../../api/client";
import { MutationForm } from "../../components/MutationForm";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { StatusTimeline } from "../../components/StatusTimeline";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { ApplicationForm } from "./ApplicationForm";
import { useMoney } from "./money";
import { OperatorPanels } from "./OperatorPanels";
import { grantKeys, grantQueries } from "./queries";
import { ReportsSection } from "./ReportsSection";
import type { Application } from "./types";

/** Filled dark shades (AA contrast); yellow with black text. */
const STATE_COLOR: Partial<Record<GrantState, string>> = {
  approved: "teal.9",
  agreement: "teal.9",
  paid: "teal.9",
  refused: "red.9",
};
const YELLOW = { color: "yellow", c: "black", variant: "filled" } as const;

export function StateBadge({ state }: { state: GrantState }) {
  const { t } = useTranslation();
  return (
    <Badge
      {...(state === "returned" ? YELLOW : { color: STATE_COLOR[state] ?? "indigo.9", variant: "filled" })}
    >
      {t(`grantsWork.states.${state}`)}
    </Badge>
  );
}

const ACCEPT = "application/pdf,image/png,image/jpeg,.docx,.xlsx,.odt";

/** Each item's required documents: attached (a link) or missing (an upload button while editable). */
function Documents({ a }: { a: Application }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const attach = useMutation({
    mutationFn: ({ itemId, kind, file }: { itemId: string; kind: string; file: File }) =>
      unwrap(
        client.POST("/api/grant-items/{id}/documents/{kind}", {
          params: { path: { id: itemId, kind: kind as never } },
          body: multipart({ file }),
        }),
      ),
    onSuccess: (x) => qc.setQueryData(grantKeys.application(x.id), x),
  });
  return (
    <SectionCard id="grant-documents" title={t("grantsWork.app.documents")}>
      <MutationForm onSubmit={() => {}} error={attach.error}>
        {a.items.map((it, i) => (
          <Stack key={it.id} gap={4}>
            <Text fw={600}>
              {i + 1}. {it.descriptionRu} · {t(`grants.categories.${it.category}`)}
            </Text>
            <List spacing={4}>
              {REQUIRED_DOCUMENTS[it.category].map((kind) => {
                const doc = it.documents.find((d) => d.kind === kind);
                const asked = a.missing.some((m) => m.itemId === it.id && m.document === kind);
                return (
                  <List.Item key={kind}>
                    <Group gap="xs" wrap="wrap">
                      <Text size="sm">{t(`grants.documents.${kind}`)}:</Text>
                      {doc ? (
                        <Anchor size="sm" href={`/api/grant-documents/${doc.id}`}>
                          {doc.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="red.8">
                          {t("grantsWork.app.missingDoc")}
                        </Text>
                      )}
                      {asked && <Badge {...YELLOW}>{t("grantsWork.app.asked")}</Badge>}
                      {a.me.edit && (
                        <FileButton
                          accept={ACCEPT}
                          onChange={(file) => file && attach.mutate({ itemId: it.id, kind, file })}
                        >
                          {(props) => (
                            <Button size="xs" variant="default" loading={attach.isPending} {...props}>
                              {doc ? t("grantsWork.app.replace") : t("grantsWork.app.attach")}
                            </Button>
                          )}
                        </FileButton>
                      )}
                    </Group>
                  </List.Item>
                );
              })}
            </List>
          </Stack>
        ))}
      </MutationForm>
    </SectionCard>
  );
}

function Items({ a }: { a: Application }) {
  const { t } = useTranslation();
  const money = useMoney();
  const format = useFormat();
  return (
    <SectionCard id="grant-items" title={t("grantsWork.form.items")}>
      <Table.ScrollContainer
        minWidth={720}
        type="native"
        tabIndex={0}
        role="region"
        aria-label={t("grantsWork.form.items")}
      >
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("grantsWork.form.what")}</Table.Th>
              <Table.Th>{t("grantsWork.form.supplier")}</Table.Th>
              <Table.Th>{t("grantsWork.form.paidOn")}</Table.Th>
              <Table.Th>{t("grantsWork.form.amountNoVat")}</Table.Th>
              <Table.Th>{t("grantsWork.app.compensation")}</Table.Th>
              <Table.Th>{t("grantsWork.app.review")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {a.items.map((it) => (
              <Table.Tr key={it.id}>
                <Table.Td>
                  {it.descriptionRu}
                  <Text size="xs" c="dimmed">
                    {t(`grants.categories.${it.category}`)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {it.supplierName}
                  <Text size="xs" c="dimmed">
                    {t("grantsWork.form.inn")} {it.supplierInn}
                  </Text>
                </Table.Td>
                <Table.Td>{format.date(it.paidOn)}</Table.Td>
                <Table.Td>
                  {money(it.amountNoVat)}
                  <Text size="xs" c="dimmed">
                    {t("grantsWork.app.withVat", { amount: money(it.amount) })}
                  </Text>
                </Table.Td>
                <Table.Td>{money(it.compensation)}</Table.Td>
                <Table.Td>
                  {it.review ? t(`grantsWork.review.${it.review}`) : "—"}
                  {it.review === "partial" && it.accepted != null && (
                    <Text size="xs">{t("grantsWork.app.acceptedPart", { amount: money(it.accepted) })}</Text>
                  )}
                  {it.reviewReason && (
                    <Text size="xs" c="dimmed">
                      {it.reviewReason}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  );
}

function Timeline({ a }: { a: Application }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  return (
    <SectionCard id="grant-timeline" title={t("grantsWork.app.timeline")}>
      <StatusTimeline
        empty={t("grantsWork.app.noEvents")}
        formatAt={format.dateTime}
        entries={a.events.map((e, i) => ({
          id: `${i}`,
          at: e.at,
          title: t(`grantsWork.moves.${e.move}`),
          color:
            e.state === "refused"
              ? "red"
              : e.state === "returned"
                ? "orange"
                : e.byOperator
                  ? "indigo"
                  : "teal",
          lines: [
            typeof e.note.year === "number" && t("cabinet.grantReports.year", { year: e.note.year }),
            typeof e.note.refund === "number" &&
              t("cabinet.grantReports.refund", { amount: money(e.note.refund) }),
            typeof e.note.dueOn === "string" &&
              t("grantsWork.app.dueOn", { date: format.date(e.note.dueOn) }),
            typeof e.note.approved === "number" &&
              t("grantsWork.app.approvedAmount", { amount: money(e.note.approved) }),
            typeof e.note.comment === "string" && e.note.comment,
            typeof e.note.reason === "string" && e.note.reason,
            Array.isArray(e.note.missing) &&
              t("grantsWork.app.missingCount", { count: e.note.missing.length }),
          ].filter(Boolean) as string[],
        }))}
      />
    </SectionCard>
  );
}

function Submit({ a }: { a: Application }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/grant-applications/{id}/submit", {
          params: { path: { id: a.id } },
          body: { version: a.version },
        }),
      ),
    onSuccess: (x) => {
      qc.setQueryData(grantKeys.application(x.id), x);
      void qc.invalidateQueries({ queryKey: grantKeys.all });
    },
  });
  const lacking = a.items.filter((it) => it.missing.length).length;
  return (
    <MutationForm onSubmit={() => submit.mutate()} error={submit.error}>
      {a.eligibility.length > 0 && (
        <Alert color="yellow">
          <Text fw={600}>{t("grantsWork.app.notEligible")}</Text>
          <List>
            {a.eligibility.map((r) => (
              <List.Item key={r}>{t(`grantsWork.reasons.${r}`)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {lacking > 0 && <Text c="orange.9">{t("grantsWork.app.lacking", { count: lacking })}</Text>}
      <Group>
        <Button type="submit" loading={submit.isPending}>
          {a.state === "returned" ? t("grantsWork.app.resubmit") : t("grantsWork.app.submit")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/** An application: its amounts and state, items and documents, the timeline and the moves of the reader's side. */
export default function ApplicationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const q = useQuery(grantQueries.application(id));
  const program = useQuery({ ...grantQueries.program(q.data?.program.id ?? ""), enabled: !!q.data });
  const [editing, setEditing] = useState(false);
  usePageTitle(q.data?.titleRu ?? t("grants.mine.title"));
  const money = useMoney();
  const format = useFormat();
  if (q.error) return <ProblemAlert error={q.error} />;
  if (!q.data) return <Skeleton height={400} />;
  const a = q.data;
  return (
    <Stack gap="lg">
      <PageHeader
        back={
          a.me.operate
            ? { to: "/grants/queue", label: t("grantsWork.queue.title") }
            : a.me.assigned
              ? { to: "/grants/assigned", label: t("grantsWork.assigned.title") }
              : { to: "/grants/mine", label: t("grants.mine.title") }
        }
        title={a.titleRu}
        subtitle={`${a.organization.shortName} · ${a.program.titleRu}`}
        actions={<StateBadge state={a.state} />}
      />
      <Group gap="xl" wrap="wrap">
        <Text>{t("grantsWork.app.requested", { amount: money(a.requested) })}</Text>
        {a.approved != null && (
          <Text fw={600}>{t("grantsWork.app.approved", { amount: money(a.approved) })}</Text>
        )}
        {a.dueOn && a.state === "submitted" && (
          <Text c={a.overdue ? "red.8" : undefined}>
            {t(a.overdue ? "grantsWork.app.overdue" : "grantsWork.app.dueOn", { date: format.date(a.dueOn) })}
          </Text>
        )}
      </Group>
      {a.state === "returned" && (
        <Alert color="yellow">
          <Text fw={600}>{t("grantsWork.app.returnedTitle")}</Text>
          {a.reason && <Text>{a.reason}</Text>}
          <Text size="sm">{t("grantsWork.app.returnedHint")}</Text>
        </Alert>
      )}
      {a.state === "refused" && a.reason && (
        <Alert color="red">
          <Text fw={600}>{t("grantsWork.app.refusedTitle")}</Text>
          {a.reason}
        </Alert>
      )}
      {a.me.edit && program.data && (
        <Group>
          <Button variant="default" onClick={() => setEditing((x) => !x)} aria-expanded={editing}>
            {editing ? t("grantsWork.app.closeEdit") : t("grantsWork.app.edit")}
          </Button>
        </Group>
      )}
      {editing && program.data ? (
        <ApplicationForm key={a.version} program={program.data} application={a} />
      ) : (
        <Items a={a} />
      )}
      <Documents a={a} />
      {a.me.edit && <Submit a={a} />}
      {(a.me.operate || a.me.review) && <OperatorPanels a={a} />}
      {a.agreement && (
        <Text>
          {t("grantsWork.app.agreement", {
            applicant: format.date(a.applicantSignedOn),
            operator: format.date(a.operatorSignedOn),
          })}{" "}
          <Anchor href={`/api/grant-applications/${a.id}/agreement`}>{a.agreement.name}</Anchor>
        </Text>
      )}
      {a.paidOn && <Text>{t("grantsWork.app.paid", { date: format.date(a.paidOn) })}</Text>}
      <ReportsSection id={a.id} state={a.state} />
      <Timeline a={a} />
    </Stack>
  );
}
