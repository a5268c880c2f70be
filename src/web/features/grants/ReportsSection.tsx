import {
  Alert,
  Badge,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { GrantReportState, GrantState } from "../../../shared/grants";
import { client, unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { MutationForm } from "../../components/MutationForm";
import { SectionCard } from "../../components/SectionCard";
import { useFormat } from "../../format";
import { fieldError } from "../challenges/fieldErrors";
import { kopecksOf, useMoney } from "./money";
import { grantKeys } from "./queries";

type Reports = components["schemas"]["GrantReports"];
type Report = Reports["reports"][number];

/** The states an application has yearly reports in. */
const WITH_REPORTS: readonly GrantState[] = ["paid", "reporting", "closed", "refund_required"];

const REPORT_COLOR: Record<GrantReportState, string> = {
  due: "gray.7",
  submitted: "indigo.9",
  returned: "orange.9",
  accepted: "teal.9",
};

const reportsKey = (id: string) => [...grantKeys.application(id), "reports"] as const;

function useApply(id: string) {
  const qc = useQueryClient();
  return (x: Reports) => {
    qc.setQueryData(reportsKey(id), x);
    void qc.invalidateQueries({ queryKey: grantKeys.application(id), exact: true });
  };
}

/** A whole number typed ("95 000 000"); NaN when not one, which the server names as the field's error. */
const wholeOf = (typed: string) => Number(typed.replace(/[\s\u00a0]/g, "") || Number.NaN);

/** The plan against the actual figures; a focusable region when it scrolls sideways on a narrow phone. */
function Figures({ r }: { r: Report }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | undefined) =>
    v == null ? "—" : new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "ru-RU").format(v);
  const rows = (["revenue", "jobs", "output"] as const).map((k) => (
    <Table.Tr key={k}>
      <Table.Th scope="row">{t(`cabinet.grantReports.figures.${k}`)}</Table.Th>
      <Table.Td>{n(r.plan?.[k])}</Table.Td>
      <Table.Td>{n(r.actual?.[k])}</Table.Td>
    </Table.Tr>
  ));
  return (
    <Table.ScrollContainer
      minWidth={300}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={t("cabinet.grantReports.year", { year: r.year })}
    >
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("cabinet.grantReports.figure")}</Table.Th>
            <Table.Th scope="col">{t("cabinet.grantReports.plan")}</Table.Th>
            <Table.Th scope="col">{t("cabinet.grantReports.actual")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{rows}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The applicant's form of a due or returned report: the actual figures of the year. */
function SubmitForm({ appId, r }: { appId: string; r: Report }) {
  const { t } = useTranslation();
  const done = useApply(appId);
  const start = r.actual ?? r.plan;
  const [v, setV] = useState({
    revenue: r.actual ? String(r.actual.revenue) : "",
    jobs: r.actual ? String(r.actual.jobs) : "",
    output: r.actual ? String(r.actual.output) : "",
  });
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/grant-reports/{id}/submit", {
          params: { path: { id: r.id } },
          body: {
            revenue: wholeOf(v.revenue),
            jobs: wholeOf(v.jobs),
            output: wholeOf(v.output),
            version: r.version,
          },
        }),
      ),
    onSuccess: done,
  });
  return (
    <MutationForm onSubmit={() => submit.mutate()} error={submit.error}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(["revenue", "jobs", "output"] as const).map((k) => (
          <TextInput
            key={k}
            required
            inputMode="numeric"
            label={t(`cabinet.grantReports.figures.${k}`)}
            description={start ? t("cabinet.grantReports.planHint", { value: start[k] }) : undefined}
            value={v[k]}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setV((x) => ({ ...x, [k]: value }));
            }}
            error={fieldError(submit.error, k)}
          />
        ))}
      </SimpleGrid>
      <Group>
        <Button type="submit" loading={submit.isPending}>
          {t("cabinet.grantReports.submit")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/** A reason typed by the operator, with the server's field error. */
function Reason(p: {
  label: string;
  value: string;
  onChange(v: string): void;
  error: unknown;
  required?: boolean;
}) {
  return (
    <Textarea
      required={p.required}
      label={p.label}
      autosize
      minRows={2}
      value={p.value}
      onChange={(e) => p.onChange(e.currentTarget.value)}
      error={fieldError(p.error, "reason")}
    />
  );
}

/** The operator's decision on a submitted report: accept, or return with what to fix. */
function DecideForm({ appId, r }: { appId: string; r: Report }) {
  const { t } = useTranslation();
  const done = useApply(appId);
  const [reason, setReason] = useState("");
  const decide = useMutation({
    mutationFn: (decision: "accept" | "return") =>
      unwrap(
        client.POST("/api/grant-reports/{id}/decision", {
          params: { path: { id: r.id } },
          body: { decision, reason: reason || null, version: r.version },
        }),
      ),
    onSuccess: done,
  });
  return (
    <MutationForm onSubmit={() => decide.mutate("accept")} error={decide.error}>
      <Reason
        label={t("cabinet.grantReports.returnReason")}
        value={reason}
        onChange={setReason}
        error={decide.error}
      />
      <Group>
        <Button type="submit" loading={decide.isPending}>
          {t("cabinet.grantReports.accept")}
        </Button>
        <Button variant="default" loading={decide.isPending} onClick={() => decide.mutate("return")}>
          {t("cabinet.grantReports.return")}
        </Button>
      </Group>
    </MutationForm>
  );
}

/** Every report accepted: the operator closes the grant or records the refund required. */
function Finish({ d }: { d: Reports }) {
  const { t } = useTranslation();
  const money = useMoney();
  const done = useApply(d.applicationId);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const path = { params: { path: { id: d.applicationId } } };
  const close = useMutation({
    mutationFn: () =>
      unwrap(client.POST("/api/grant-applications/{id}/close", { ...path, body: { version: d.version } })),
    onSuccess: done,
  });
  const refund = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/grant-applications/{id}/refund", {
          ...path,
          body: { amount: kopecksOf(amount) ?? 0, reason, version: d.version },
        }),
      ),
    onSuccess: done,
  });
  return (
    <SectionCard id="grant-finish" title={t("cabinet.grantReports.finish")} titleSize="h4">
      <Stack>
        <MutationForm onSubmit={() => close.mutate()} error={close.error}>
          <Text size="sm">{t("cabinet.grantReports.closeHint")}</Text>
          <Group>
            <Button type="submit" loading={close.isPending}>
              {t("cabinet.grantReports.close")}
            </Button>
          </Group>
        </MutationForm>
        <MutationForm onSubmit={() => refund.mutate()} error={refund.error}>
          <Text size="sm">{t("cabinet.grantReports.refundHint", { paid: money(d.paid ?? 0) })}</Text>
          <TextInput
            required
            label={t("cabinet.grantReports.refundAmount")}
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.currentTarget.value)}
            error={fieldError(refund.error, "amount")}
          />
          <Reason
            required
            label={t("cabinet.grantReports.refundReason")}
            value={reason}
            onChange={setReason}
            error={refund.error}
          />
          <Group>
            <Button type="submit" variant="default" color="red.9" loading={refund.isPending}>
              {t("cabinet.grantReports.requireRefund")}
            </Button>
          </Group>
        </MutationForm>
      </Stack>
    </SectionCard>
  );
}

/** A paid grant's yearly reports: the plan against the actual figures, the forms of the reader's side. */
export function ReportsSection({ id, state }: { id: string; state: GrantState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const money = useMoney();
  const q = useQuery({
    queryKey: reportsKey(id),
    queryFn: ({ signal }) =>
      unwrap(client.GET("/api/grant-applications/{id}/reports", { params: { path: { id } }, signal })),
    enabled: WITH_REPORTS.includes(state),
  });
  if (!WITH_REPORTS.includes(state) || !q.data) return null;
  const d = q.data;
  const allAccepted = d.reports.every((r) => r.state === "accepted");
  return (
    <SectionCard id="grant-reports" title={t("cabinet.grantReports.title")}>
      <Stack gap="lg">
        {d.state === "closed" && <Alert color="teal">{t("cabinet.grantReports.closed")}</Alert>}
        {d.state === "refund_required" && (
          <Alert color="red">
            <Text fw={600}>{t("cabinet.grantReports.refund", { amount: money(d.refund ?? 0) })}</Text>
            {d.refundReason}
          </Alert>
        )}
        {!d.reports.length && <Text c="dimmed">{t("cabinet.grantReports.none")}</Text>}
        {d.reports.map((r) => (
          <Stack key={r.id} gap="xs" component="section" aria-labelledby={`report-${r.id}`}>
            <Group gap="sm">
              <Text fw={600} id={`report-${r.id}`}>
                {t("cabinet.grantReports.year", { year: r.year })}
              </Text>
              <Badge color={REPORT_COLOR[r.state]} variant="filled">
                {t(`cabinet.grantReports.states.${r.state}`)}
              </Badge>
              <Text size="sm" c={r.overdue ? "red.8" : "dimmed"}>
                {t(r.overdue ? "cabinet.grantReports.overdue" : "cabinet.grantReports.due", {
                  date: format.date(r.dueOn),
                })}
              </Text>
            </Group>
            {r.state === "returned" && r.reason && (
              <Alert color="yellow">
                <Text fw={600}>{t("cabinet.grantReports.returned")}</Text>
                {r.reason}
              </Alert>
            )}
            <Figures r={r} />
            {d.me.submit && (r.state === "due" || r.state === "returned") && <SubmitForm appId={id} r={r} />}
            {d.me.decide && r.state === "submitted" && <DecideForm appId={id} r={r} />}
          </Stack>
        ))}
        {d.me.decide && d.state === "reporting" && allAccepted && <Finish d={d} />}
      </Stack>
    </SectionCard>
  );
}
