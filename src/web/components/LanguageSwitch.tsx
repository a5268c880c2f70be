import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "../../shared/constants";
import { useLanguage } from "../session";

/**
 * RU / EN switch; a radio group named "Язык" / "Language". Two native radios drawn as a segmented
 * control (`.lang-switch` in styles.css): it is in every page's first screen, and Mantine's
 * SegmentedControl with its animated indicator was ~3 kB of the entry's JavaScript.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  const name = useId();
  return (
    <div role="radiogroup" aria-label={t("common.language.label")} className="lang-switch">
      {LOCALES.map((value) => (
        <label key={value} data-active={value === language || undefined}>
          <input
            type="radio"
            name={name}
            value={value}
            checked={value === language}
            onChange={() => void setLanguage(value)}
          />
          {value.toUpperCase()}
        </label>
      ))}
    </div>
  );
}
