import { useDocumentTitle } from "@mantine/hooks";
import { useTranslation } from "react-i18next";

/** Sets `document.title` to "<page> — Иннокластер" in the current language. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useDocumentTitle(title ? `${title} — ${t("common.appName")}` : t("common.appTitle"));
}
