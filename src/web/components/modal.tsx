import { Button, Group, type ModalProps } from "@mantine/core";
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
