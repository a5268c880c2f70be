import { Alert, Anchor, Button, Checkbox, Group, Loader, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ERASURE_DAYS, EXPORT_DAYS } from "../../../shared/privacy";
import { client, unwrap } from "../../api/client";
import { AppModal, ModalFormActions } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { AccountPasswordField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { SectionCard } from "../../components/SectionCard";
import { toastError } from "../../components/toast";
import { validators } from "../../components/validation";
import { useFormat } from "../../format";
import { GUEST, meKey } from "../../session";
import { exportFileUrl, privacyKeys, privacyQueries } from "./queries";
import type { DataExport } from "./types";

function sizeText(bytes: number, locale: string) {
  const kb = bytes / 1024;
  const unit = locale === "ru" ? (kb >= 1024 ? "МБ" : "КБ") : kb >= 1024 ? "MB" : "KB";
  const n = kb >= 1024 ? kb / 1024 : kb;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(Math.max(n, 0.1))} ${unit}`;
}

/** The newest export's state: being prepared, ready with its link and expiry, expired, or failed. */
function ExportState({ item }: { item: DataExport }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  if (item.state === "queued")
    return (
      <Group gap="xs" wrap="nowrap">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t("privacy.export.queued", { date: format.dateTime(item.requestedAt) })}</Text>
      </Group>
    );
  if (item.state === "expired")
    return <Text size="sm">{t("privacy.export.expired", { days: EXPORT_DAYS })}</Text>;
  if (item.state === "failed")
    return (
      <Text size="sm" c="red">
        {t("privacy.export.failed")}
      </Text>
    );
  return (
    <Stack gap={4}>
      <Text size="sm">{t("privacy.export.ready", { date: format.dateTime(item.readyAt) })}</Text>
      <Anchor href={exportFileUrl(item.id)} download fw={600}>
        {t("privacy.export.download")}
        {item.size !== null && ` (${sizeText(item.size, i18n.language)})`}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t("privacy.export.expires", { date: format.dateTime(item.expiresAt) })}
      </Text>
    </Stack>
  );
}

function ExportPart() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const exports = useQuery(privacyQueries.exports());
  const request = useMutation({
    mutationFn: () => unwrap(client.POST("/api/privacy/exports")),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: privacyKeys.exports }),
    onError: toastError,
  });
  const newest = exports.data?.items[0];
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="my-data-export-title">
        {t("privacy.export.title")}
      </Title>
      <Text size="sm">{t("privacy.export.lead", { days: EXPORT_DAYS })}</Text>
      {exports.isPending && <Skeleton height={40} />}
      {exports.isError && <ProblemAlert error={exports.error} />}
      <div aria-live="polite" data-testid="export-state">
        {newest && <ExportState item={newest} />}
      </div>
      <Button
        variant="default"
        style={{ alignSelf: "flex-start" }}
        loading={request.isPending}
        disabled={newest?.state === "queued"}
        onClick={() => request.mutate()}
      >
        {newest ? t("privacy.export.again") : t("privacy.export.request")}
      </Button>
    </Stack>
  );
}

function DeleteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const v = validators(t);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { password: "", consent: false },
    validate: { password: v.required },
  });
  const problem = useFormProblem(form);
  const erase = useMutation({
    meta: { ignoreUnauthorized: true },
    mutationFn: (values: { password: string; consent: boolean }) =>
      unwrap(
        client.POST("/api/privacy/erasure", {
          body: { password: values.password, reason: values.consent ? "consent-withdrawn" : "deletion" },
        }),
      ),
    onSuccess: (answer) => {
      notifications.show({
        color: "orange",
        title: t("privacy.delete.doneTitle"),
        message: answer.message,
        autoClose: false,
      });
      queryClient.clear();
      queryClient.setQueryData(meKey, GUEST);
      navigate("/", { replace: true });
    },
    onError: problem.fail,
  });
  function close() {
    problem.discard();
    onClose();
  }
  return (
    <AppModal opened={opened} onClose={close} title={t("privacy.delete.confirmTitle")}>
      <ProblemForm
        form={form}
        problem={problem}
        onSubmit={(values) => erase.mutate(values)}
        lead={<Text size="sm">{t("privacy.delete.confirmLead", { days: ERASURE_DAYS })}</Text>}
      >
        <AccountPasswordField
          form={form}
          name="password"
          kind="current"
          label={t("privacy.delete.password")}
          data-autofocus
        />
        <Checkbox
          label={t("privacy.delete.consent")}
          key={form.key("consent")}
          {...form.getInputProps("consent", { type: "checkbox" })}
        />
        <ModalFormActions
          onCancel={close}
          submitLabel={t("privacy.delete.submit", { days: ERASURE_DAYS })}
          color="red"
          loading={erase.isPending}
        />
      </ProblemForm>
    </AppModal>
  );
}

function DeletePart() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" id="my-data-delete-title">
        {t("privacy.delete.title")}
      </Title>
      <Text size="sm">{t("privacy.delete.lead", { days: ERASURE_DAYS })}</Text>
      <Alert color="gray" variant="light">
        <Text size="sm">{t("privacy.delete.consentNote")}</Text>
      </Alert>
      <Button
        color="red"
        variant="outline"
        style={{ alignSelf: "flex-start" }}
        onClick={() => setOpened(true)}
      >
        {t("privacy.delete.button")}
      </Button>
      <DeleteModal opened={opened} onClose={() => setOpened(false)} />
    </Stack>
  );
}

/** "My data" in the account settings: export of one's data; deletion of the account (152-FZ). */
export function MyDataSection() {
  const { t } = useTranslation();
  return (
    <SectionCard id="my-data-title" title={t("privacy.title")}>
      <Stack gap="xl">
        <ExportPart />
        <DeletePart />
      </Stack>
    </SectionCard>
  );
}
