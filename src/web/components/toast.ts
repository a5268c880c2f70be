import { notifications } from "@mantine/notifications";
import { errorMessage } from "../api";
import i18n from "../i18n";

/** A notification whose close button has an accessible name. */
export function toast(message: string, color = "indigo"): void {
  notifications.show({ color, message, closeButtonProps: { "aria-label": i18n.t("common.close") } });
}

/** A red notification with the server's message. */
export function toastError(error: unknown): void {
  notifications.show({
    color: "red",
    title: i18n.t("common.errors.title"),
    message: errorMessage(error),
    closeButtonProps: { "aria-label": i18n.t("common.close") },
  });
}
