import { Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { AppModal, ModalFormActions } from "../../components/modal";
import { ProblemAlert } from "../../components/ProblemAlert";

export const REASON_MIN = 3;
export const REASON_MAX = 2000;

interface ReasonModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  lead?: ReactNode;
  label: string;
  hint?: string;
  /** Message when the text is empty. */
  requiredMessage: string;
  submitLabel: string;
  color?: string;
  /** Name of the field in the server's errors[] that this text maps to (e.g. "reason", "comment"). */
  field?: string;
  /** Sends the text; a rejection shows the server's message in the modal. */
  onSubmit: (text: string) => Promise<unknown>;
}

/** A modal that asks for a required text (a reason or a comment) before an action. */
export function ReasonModal({
  opened,
  onClose,
  title,
  lead,
  label,
  hint,
  requiredMessage,
  submitLabel,
  color = "red",
  field = "reason",
  onSubmit,
}: ReasonModalProps) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { [field]: "" } as Record<string, string>,
    validate: {
      [field]: (value: string) => {
        const v = value.trim();
        if (!v) return requiredMessage;
        if (v.length < REASON_MIN) return t("common.validation.tooShort", { min: REASON_MIN });
        if (v.length > REASON_MAX) return t("common.validation.tooLong", { max: REASON_MAX });
        return null;
      },
    },
  });

  function close() {
    form.reset();
    setProblem(null);
    onClose();
  }

  return (
    <AppModal opened={opened} onClose={close} title={title}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (values) => {
          setProblem(null);
          setPending(true);
          try {
            await onSubmit((values[field] ?? "").trim());
            form.reset();
            onClose();
          } catch (error) {
            setProblem(applyServerErrors(form, error));
          } finally {
            setPending(false);
          }
        })}
      >
        <Stack gap="md">
          {lead && <Text>{lead}</Text>}
          <ProblemAlert problem={problem} />
          <Textarea
            label={label}
            description={hint}
            required
            autosize
            minRows={3}
            maxLength={REASON_MAX}
            data-autofocus
            key={form.key(field)}
            {...form.getInputProps(field)}
          />
          <ModalFormActions onCancel={close} submitLabel={submitLabel} color={color} loading={pending} />
        </Stack>
      </form>
    </AppModal>
  );
}
