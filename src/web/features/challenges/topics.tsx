import { List } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { SubmitterRefusal } from "../../../shared/challengeEligibility";
import type { Locale } from "../../../shared/constants";
import { ORG_TYPE_LABELS, type OrgType } from "../../../shared/organizations";
import { useLocale } from "../../components/Topics";

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
