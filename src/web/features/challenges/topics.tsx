import { Badge, Group, List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SubmitterRefusal } from "../../../shared/challengeEligibility";
import type { Locale } from "../../../shared/constants";
import { okvedSectionName } from "../../../shared/okved";
import { ORG_TYPE_LABELS, type OrgType } from "../../../shared/organizations";
import { tagLabel } from "../../../shared/tags";
import { currentLocale } from "../../i18n";

/** The current interface language (re-renders follow `useTranslation`). */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

export const industryLabel = (letter: string, locale: Locale) => {
  const name = okvedSectionName(letter, locale);
  return name ? `${letter}. ${name}` : letter;
};

/** A challenge's industries and tags as badges (cards and its page). */
export function Topics({ industries, tags }: { industries: readonly string[]; tags: readonly string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!industries.length && !tags.length) return null;
  return (
    <Group gap={6} aria-label={t("challenges.topics.topicsLabel")} role="list">
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

export const typesText = (types: readonly OrgType[], locale: Locale) =>
  types.map((type) => ORG_TYPE_LABELS[type][locale]).join(", ");

/** Who may submit: the types admitted and whether only cluster participants (the challenge's page). */
export function WhoMaySubmit({
  orgTypes,
  participantsOnly,
}: {
  orgTypes: OrgType[];
  participantsOnly: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <List spacing={4}>
      <List.Item>
        {orgTypes.length
          ? t("challenges.topics.types", { types: typesText(orgTypes, locale) })
          : t("challenges.topics.anyType")}
      </List.Item>
      {participantsOnly && <List.Item>{t("challenges.topics.participantsOnly")}</List.Item>}
    </List>
  );
}

/** Why an organization may not submit, in a sentence. */
export function useRefusalText() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (refusal: SubmitterRefusal, org: string, orgTypes: OrgType[]) =>
    refusal === "org-type"
      ? t("challenges.topics.notEligibleType", { org, types: typesText(orgTypes, locale) })
      : t("challenges.topics.notEligibleParticipant", { org });
}
