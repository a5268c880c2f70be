import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client";
import { ConfirmModal } from "../../components/modal";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { useLabels, warnAlert } from "../organizations/labels";
import { ReasonModal } from "../organizations/modals";
import { orgKeys } from "../organizations/queries";
import type { Organization } from "../organizations/types";
import { operatorKeys } from "./queries";

/** The operator suspends, resumes or revokes an organization's status (with a reason). */
export function StatusActions({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const queryClient = useQueryClient();
  const [modal, setModal] = useState<"suspend" | "revoke" | "resume" | null>(null);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: orgKeys.one(org.id) });
    void queryClient.invalidateQueries({ queryKey: operatorKeys.all });
  };
  const act = (action: "suspend" | "revoke", reason: string) =>
    unwrap(
      client.POST(
        action === "suspend"
          ? "/api/operator/organizations/{id}/suspend"
          : "/api/operator/organizations/{id}/revoke",
        { params: { path: { id: org.id } }, body: { reason } },
      ),
    ).then((view) => {
      toast(t(`operator.actions.done.${action}`));
      refresh();
      return view;
    });
  const resume = useMutation({
    mutationFn: () =>
      client.POST("/api/operator/organizations/{id}/resume", { params: { path: { id: org.id } } }),
    onSuccess: () => {
      toast(t("operator.actions.done.resume"));
      setModal(null);
      refresh();
    },
    onError: (error) => {
      setModal(null);
      toastError(error);
    },
  });

  const hasStatus = org.status !== "registered";
  return (
    <SectionCard id="operator-actions-title" title={t("operator.actions.title")} titleGap="sm">
      <Stack gap="sm">
        {org.statusSuspended && org.statusReason && (
          <Alert {...warnAlert} title={t("operator.actions.suspendedTitle")}>
            {t("operator.actions.reason", { reason: org.statusReason })}
          </Alert>
        )}
        {hasStatus ? (
          <Text size="sm">{t("operator.actions.lead", { status: labels.status(org.status) })}</Text>
        ) : (
          <Text size="sm">{t("operator.actions.nothing")}</Text>
        )}
        {hasStatus && (
          <Group gap="sm">
            {org.statusSuspended ? (
              <Button variant="default" onClick={() => setModal("resume")}>
                {t("operator.actions.resume")}
              </Button>
            ) : (
              <Button variant="default" onClick={() => setModal("suspend")}>
                {t("operator.actions.suspend")}
              </Button>
            )}
            <Button color="red" variant="outline" onClick={() => setModal("revoke")}>
              {t("operator.actions.revoke")}
            </Button>
          </Group>
        )}
      </Stack>

      <ReasonModal
        opened={modal === "suspend"}
        onClose={() => setModal(null)}
        title={t("operator.actions.suspendTitle", { name: org.shortName })}
        lead={t("operator.actions.suspendLead")}
        label={t("operator.actions.reasonLabel")}
        hint={t("operator.actions.reasonHint")}
        requiredMessage={t("operator.actions.reasonRequired")}
        submitLabel={t("operator.actions.suspendSubmit")}
        color="red"
        onSubmit={(reason) => act("suspend", reason)}
      />
      <ReasonModal
        opened={modal === "revoke"}
        onClose={() => setModal(null)}
        title={t("operator.actions.revokeTitle", { name: org.shortName })}
        lead={t("operator.actions.revokeLead")}
        label={t("operator.actions.reasonLabel")}
        hint={t("operator.actions.reasonHint")}
        requiredMessage={t("operator.actions.reasonRequired")}
        submitLabel={t("operator.actions.revokeSubmit")}
        onSubmit={(reason) => act("revoke", reason)}
      />
      <ConfirmModal
        opened={modal === "resume"}
        onClose={() => setModal(null)}
        title={t("operator.actions.resumeTitle", { name: org.shortName })}
        confirmLabel={t("operator.actions.resumeSubmit")}
        color="indigo"
        loading={resume.isPending}
        onConfirm={() => resume.mutate()}
      >
        <Text>{t("operator.actions.resumeLead")}</Text>
      </ConfirmModal>
    </SectionCard>
  );
}
