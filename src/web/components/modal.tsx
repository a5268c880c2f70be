import { Button, Group, type ModalProps, Stack } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LazyModal } from "./lazyOverlays";

/** A centred modal whose close button has an accessible name; its code is fetched when first opened. */
export function AppModal(props: ModalProps) {
  const { t } = useTranslation();
  return <LazyModal centered closeButtonProps={{ "aria-label": t("common.close") }} {...props} />;
}

/** The buttons under a modal's form: cancel (closes), then the submit button. */
export function ModalFormActions({
  onCancel,
  submitLabel,
  color,
  loading,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: ReactNode;
  color?: string;
  loading?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm">
      <Button variant="default" onClick={onCancel}>
        {t("common.cancel")}
      </Button>
      <Button type="submit" color={color} loading={loading} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  onConfirm: () => void;
}

/** "Are you sure?" for an action that cannot be undone by the same person. */
export function ConfirmModal({
  opened,
  onClose,
  title,
  children,
  confirmLabel,
  color = "red",
  loading,
  onConfirm,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  return (
    <AppModal opened={opened} onClose={onClose} title={title}>
      <Stack gap="md">
        <div>{children}</div>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t("common.cancel")}
          </Button>
          <Button color={color} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
