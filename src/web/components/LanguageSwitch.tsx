import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isLocale } from "../i18n";
import { useLanguage } from "../session";

/** RU / EN switch; a radio group named "Язык" / "Language". */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("common.language.label")}
      value={language}
      onChange={(value) => {
        if (isLocale(value)) void setLanguage(value);
      }}
      data={[
        { value: "ru", label: "RU" },
        { value: "en", label: "EN" },
      ]}
    />
  );
}
