import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../i18n";

/**
 * Content that has no English text (a provider's name, a document, a measure without a translation):
 * on an English page it is marked `lang="ru"` (screen readers switch voice) with a visible
 * "in Russian" label after it, instead of silently mixing languages; on a Russian page it is as is.
 * `russian` false: the content is in the page's language after all (e.g. an English title exists).
 */
export function InRussian({
  children,
  block = false,
  russian = true,
}: {
  children: ReactNode;
  /** A block of text (a paragraph, a list): a div, its label on a line of its own above it. */
  block?: boolean;
  russian?: boolean;
}) {
  const { t } = useTranslation();
  if (!russian || currentLocale() === "ru") return <>{children}</>;
  const label = (
    <Text component="span" size="xs" c="dimmed" fs="italic" className="in-russian">
      {t("common.inRussian")}
    </Text>
  );
  if (block)
    return (
      <div>
        {label}
        <div lang="ru">{children}</div>
      </div>
    );
  return (
    <>
      <span lang="ru">{children}</span> {label}
    </>
  );
}
