import { Select } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type Submitter = { organizationId: string } | { teamId: string };

/**
 * Who submits: one of the reader's organizations or one of their teams, as the challenge allows (a
 * hackathon takes teams only; a challenge that does not allow teams, organizations only). The value is
 * `org:<id>` or `team:<id>`.
 */
export function SubmitterChoice({
  organizations,
  teams,
  teamsAllowed,
  teamsOnly,
  value,
  onChange,
}: {
  organizations: { id: string; shortName: string }[];
  teams: { id: string; name: string }[];
  teamsAllowed: boolean;
  teamsOnly: boolean;
  value: string | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const data = [
    ...(teamsOnly || organizations.length === 0
      ? []
      : [
          {
            group: t("teams.submitter.organizations"),
            items: organizations.map((o) => ({ value: `org:${o.id}`, label: o.shortName })),
          },
        ]),
    ...((teamsAllowed || teamsOnly) && teams.length
      ? [
          {
            group: t("teams.submitter.teams"),
            items: teams.map((x) => ({ value: `team:${x.id}`, label: x.name })),
          },
        ]
      : []),
  ];
  return (
    <Select
      label={t("teams.submitter.label")}
      description={teamsOnly ? t("teams.submitter.teamsOnly") : undefined}
      data={data}
      value={value}
      allowDeselect={false}
      onChange={(x) => x && onChange(x)}
    />
  );
}

/** The submission body's submitter from a choice's value. */
export const submitterOf = (value: string | null): Submitter | null =>
  value?.startsWith("org:")
    ? { organizationId: value.slice(4) }
    : value?.startsWith("team:")
      ? { teamId: value.slice(5) }
      : null;

/** The choices a reader has for a challenge (the first is the default). */
export function submitterOptions(
  c: { teamsAllowed: boolean; teamsOnly: boolean },
  organizations: { id: string }[],
  teams: { id: string }[],
) {
  return [
    ...(c.teamsOnly ? [] : organizations.map((o) => `org:${o.id}`)),
    ...(c.teamsAllowed || c.teamsOnly ? teams.map((x) => `team:${x.id}`) : []),
  ];
}
