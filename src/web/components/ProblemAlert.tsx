import { Alert, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../api";
import type { FormProblem } from "./forms";

interface Props {
  problem?: FormProblem | null;
  error?: unknown;
  title?: string;
  onClose?: () => void;
}

/** General error alert: the server's localized `detail || title`, announced to screen readers. */
export function ProblemAlert({ problem, error, title, onClose }: Props) {
  const { t } = useTranslation();
  if (!problem && !error) return null;
  const message = problem?.message ?? errorMessage(error);
  const details = problem?.details ?? [];
  return (
    <Alert
      color="red"
      variant="light"
      role="alert"
      title={title ?? t("common.errors.title")}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
      closeButtonLabel={t("common.close")}
    >
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d) => (
            <List.Item key={d}>{d}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
