import { Select } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMyOrganizations } from "../../components/useMyOrganizations";

/**
 * Which of the member's organizations a page shows (the active one until another is chosen), and the
 * select to choose it — shown only to a member of several. `onChange` runs after a choice (e.g. back
 * to the first page).
 */
export function useOrganizationChoice(onChange?: () => void) {
  const { t } = useTranslation();
  const mine = useMyOrganizations();
  const orgs = mine.data?.items ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const orgId = chosen ?? mine.data?.activeOrganizationId ?? orgs[0]?.organization.id ?? null;
  const select =
    orgs.length > 1 ? (
      <Select
        label={t("listings.mine.organization")}
        maw={420}
        data={orgs.map((o) => ({ value: o.organization.id, label: o.organization.shortName }))}
        value={orgId}
        allowDeselect={false}
        onChange={(v) => {
          setChosen(v);
          onChange?.();
        }}
      />
    ) : null;
  return { mine, orgs, orgId, select };
}
