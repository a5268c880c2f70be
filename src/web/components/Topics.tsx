import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../shared/constants";
import { okvedSectionName } from "../../shared/okved";
import { tagLabel } from "../../shared/tags";
import { currentLocale } from "../i18n";

/** The current interface language (re-renders follow `useTranslation`). */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

/** An OKVED section as "C. Обрабатывающие производства". */
export const industryLabel = (letter: string, locale: Locale) => {
  const name = okvedSectionName(letter, locale);
  return name ? `${letter}. ${name}` : letter;
};

/**
 * A record's industries (OKVED sections) and technology tags as badges, a list named `label` (a
 * challenge's or a project's card and page).
 */
export function Topics({
  industries,
  tags,
  label,
}: {
  industries: readonly string[];
  tags: readonly string[];
  label: string;
}) {
  const locale = useLocale();
  if (!industries.length && !tags.length) return null;
  return (
    <Group gap={6} aria-label={label} role="list">
      {industries.map((s) => (
        <Badge key={`i-${s}`} variant="outline" color="gray" tt="none" role="listitem">
          {industryLabel(s, locale)}
        </Badge>
      ))}
      {tags.map((tag) => (
        <Badge key={`t-${tag}`} variant="light" tt="none" role="listitem">
          {tagLabel(tag, locale)}
        </Badge>
      ))}
    </Group>
  );
}
