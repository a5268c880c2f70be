import { Checkbox, MultiSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { OkvedSectionLetter } from "../../../shared/okved";
import { OKVED_SECTIONS } from "../../../shared/okved";
import type { OrgType } from "../../../shared/organizations";
import { ORG_TYPE_LABELS, ORG_TYPES } from "../../../shared/organizations";
import type { TagSlug } from "../../../shared/tags";
import { TAGS } from "../../../shared/tags";
import { useLocale } from "../../components/Topics";
import { fieldError } from "./fieldErrors";

export type TopicsValues = {
  industries: OkvedSectionLetter[];
  tags: TagSlug[];
  orgTypes: OrgType[];
  participantsOnly: boolean;
};

/** The choices of the form: OKVED sections, technology tags, organization types. */
export function useTopicOptions() {
  const locale = useLocale();
  return {
    industries: OKVED_SECTIONS.map((s) => ({
      value: s.letter as string,
      label: `${s.letter}. ${s[locale]}`,
    })),
    tags: TAGS.map((tag) => ({ value: tag.slug as string, label: tag[locale] })),
    orgTypes: ORG_TYPES.map((type) => ({ value: type as string, label: ORG_TYPE_LABELS[type][locale] })),
  };
}

/** The challenge form's industries, technologies and who may submit. */
export function TopicsFields({
  v,
  set,
  error,
}: {
  v: TopicsValues;
  set: (patch: Partial<TopicsValues>) => void;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const options = useTopicOptions();
  return (
    <>
      <MultiSelect
        label={t("challenges.topics.industries")}
        description={t("challenges.topics.industriesHint")}
        data={options.industries}
        value={v.industries}
        onChange={(industries) => set({ industries: industries as OkvedSectionLetter[] })}
        error={fieldError(error, "industries")}
        searchable
        clearable
      />
      <MultiSelect
        label={t("challenges.topics.tags")}
        data={options.tags}
        value={v.tags}
        onChange={(tags) => set({ tags: tags as TagSlug[] })}
        error={fieldError(error, "tags")}
        maxValues={12}
        searchable
        clearable
      />
      <MultiSelect
        label={t("challenges.topics.orgTypes")}
        description={t("challenges.topics.orgTypesHint")}
        data={options.orgTypes}
        value={v.orgTypes}
        onChange={(orgTypes) => set({ orgTypes: orgTypes as OrgType[] })}
        error={fieldError(error, "orgTypes")}
        clearable
      />
      <Checkbox
        label={t("challenges.topics.participantsOnlyLabel")}
        checked={v.participantsOnly}
        onChange={(x) => set({ participantsOnly: x.currentTarget.checked })}
      />
    </>
  );
}
