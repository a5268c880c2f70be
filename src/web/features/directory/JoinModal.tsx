import { Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { client } from "../../api/client";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { AppModal, ModalFormActions } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast } from "../../components/toast";
import { orgKeys } from "../organizations/queries";
import type { OrganizationPublic } from "./types";

const MESSAGE_MAX = 1000;

/** A signed-in visitor asks to join the organization, with an optional message. */
export function JoinModal({
  org,
  opened,
  onClose,
  onAlreadySent,
}: {
  org: OrganizationPublic;
  opened: boolean;
  onClose: () => void;
  onAlreadySent: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { message: "" },
    validate: {
      message: (v) =>
        v.trim().length > MESSAGE_MAX ? t("common.validation.tooLong", { max: MESSAGE_MAX }) : null,
    },
  });
  const send = useMutation({
    mutationFn: (message: string) =>
      client.POST("/api/organizations/{id}/join-requests", {
        params: { path: { id: org.id } },
        body: { message: message || null },
      }),
    onSuccess: () => {
      toast(t("directory.join.sent"));
      void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
      close();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.is("join-request-pending")) {
        void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
        onAlreadySent();
        close();
        return;
      }
      setProblem(applyServerErrors(form, error));
    },
  });

  function close() {
    form.reset();
    setProblem(null);
    onClose();
  }

  return (
    <AppModal opened={opened} onClose={close} title={t("directory.join.title")}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          send.mutate(values.message.trim());
        })}
      >
        <Stack gap="md">
          <Text>{t("directory.join.lead", { name: org.shortName })}</Text>
          <ProblemAlert problem={problem} />
          <Textarea
            label={t("directory.join.message")}
            description={t("directory.join.messageHint")}
            autosize
            minRows={3}
            maxLength={MESSAGE_MAX}
            data-autofocus
            key={form.key("message")}
            {...form.getInputProps("message")}
          />
          <ModalFormActions
            onCancel={close}
            submitLabel={t("directory.join.submit")}
            loading={send.isPending}
          />
        </Stack>
      </form>
    </AppModal>
  );
}
