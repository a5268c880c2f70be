import { Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api";
import { client } from "../../api/client";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { AppModal, ModalFormActions } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { orgKeys } from "./queries";
import type { Member } from "./types";

const POSITION_MAX = 200;

export function PositionModal({
  orgId,
  member,
  onClose,
}: {
  orgId: string;
  member: Member | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm({
    mode: "controlled",
    initialValues: { position: member?.position ?? "" },
    validate: {
      position: (v) =>
        v.trim().length > POSITION_MAX ? t("common.validation.tooLong", { max: POSITION_MAX }) : null,
    },
  });
  const save = useMutation({
    mutationFn: (position: string | null) =>
      client.PATCH("/api/organizations/{id}/members/{userId}", {
        params: { path: { id: orgId, userId: member?.userId ?? "" } },
        body: { position },
      }),
    onSuccess: () => {
      toast(t("organizations.members.positionSaved"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.members(orgId) });
      onClose();
    },
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });
  return (
    <AppModal
      opened={member !== null}
      onClose={onClose}
      title={t("organizations.members.positionTitle", { name: member?.fullName ?? "" })}
    >
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v.position.trim() || null))}>
        <Stack gap="md">
          <ProblemAlert problem={problem} />
          <TextInput
            label={t("organizations.members.position")}
            description={t("organizations.members.positionHint")}
            maxLength={POSITION_MAX}
            data-autofocus
            {...form.getInputProps("position")}
          />
          <ModalFormActions
            onCancel={onClose}
            submitLabel={t("organizations.members.positionSave")}
            loading={save.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}

export function TransferModal({
  orgId,
  members,
  meId,
  opened,
  onClose,
}: {
  orgId: string;
  members: Member[];
  meId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const candidates = members.filter((m) => m.userId !== meId);
  const transfer = useMutation({
    mutationFn: (id: string) =>
      client.POST("/api/organizations/{id}/transfer-ownership", {
        params: { path: { id: orgId } },
        body: { userId: id },
      }),
    onSuccess: () => {
      toast(t("organizations.members.transferred"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(orgId) });
      void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
      setUserId(null);
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <AppModal opened={opened} onClose={onClose} title={t("organizations.members.transferTitle")}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          if (!userId) {
            setError(t("organizations.members.transferChoose"));
            return;
          }
          transfer.mutate(userId);
        }}
      >
        <Stack gap="md">
          <Text>{t("organizations.members.transferLead")}</Text>
          {candidates.length === 0 ? (
            <Text>{t("organizations.members.transferNobody")}</Text>
          ) : (
            <Select
              label={t("organizations.members.newOwner")}
              data={candidates.map((m) => ({
                value: m.userId,
                label: m.email ? `${m.fullName} (${m.email})` : m.fullName,
              }))}
              value={userId}
              onChange={setUserId}
              searchable
              required
              error={error}
            />
          )}
          <ModalFormActions
            onCancel={onClose}
            submitLabel={t("organizations.members.transferSubmit")}
            color="red"
            loading={transfer.isPending}
            disabled={candidates.length === 0}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
