import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { okvedSectionName } from "../../../shared/okved";
import {
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  type OrgStatus,
  type OrgType,
  SME_CATEGORY_LABELS,
  type SmeCategory,
} from "../../../shared/organizations";
import { countryName, regionName } from "../../../shared/regions";
import { tagLabel } from "../../../shared/tags";
import { currentLocale } from "../../i18n";
import type { FacetName, OrganizationPublic } from "./types";

/** The current interface language as a Locale (re-renders follow `useTranslation`). */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

/** The region's name for a Russian organization, the country's for a foreign one. */
export function placeOf(
  org: Pick<OrganizationPublic, "regionCode" | "country">,
  locale: Locale,
): string | null {
  if (org.regionCode) return regionName(org.regionCode, locale) ?? org.regionCode;
  if (org.country) return countryName(org.country, locale) ?? org.country;
  return null;
}

/** The English description when the interface is in English and there is one, else the Russian. */
export function descriptionOf(
  org: Pick<OrganizationPublic, "descriptionRu" | "descriptionEn">,
  locale: Locale,
) {
  return (locale === "en" && org.descriptionEn?.trim()) || org.descriptionRu;
}

/** The label of a facet value (region name, status, type, SME category, OKVED section, tag). */
export function facetLabel(facet: FacetName, value: string, locale: Locale): string {
  switch (facet) {
    case "region":
      return regionName(value, locale) ?? countryName(value, locale) ?? value;
    case "status":
      return ORG_STATUS_LABELS[value as OrgStatus]?.[locale] ?? value;
    case "type":
      return ORG_TYPE_LABELS[value as OrgType]?.[locale] ?? value;
    case "sme":
      return SME_CATEGORY_LABELS[value as SmeCategory]?.[locale] ?? value;
    case "okved": {
      const name = okvedSectionName(value, locale);
      return name ? `${value}. ${name}` : value;
    }
    case "tag":
      return tagLabel(value, locale);
  }
}

/** Two letters for a missing logo: from the name in quotes when there is one («Лазерлаб» → "Л"). */
export function orgInitials(shortName: string): string {
  const core = shortName.match(/«([^»]+)»/)?.[1] ?? shortName;
  const words = core.match(/[\p{L}\p{N}]+/gu) ?? [];
  return (
    words
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase() ?? "")
      .join("") || "?"
  );
}

const STATUS_COLOR: Record<OrgStatus, string> = {
  registered: "gray",
  participant: "teal",
  partner: "indigo",
};

/** The organization's status; a suspended status gets a second, red badge. */
export function StatusBadges({ status, suspended }: { status: OrgStatus; suspended: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={STATUS_COLOR[status]} variant={status === "registered" ? "outline" : "filled"}>
        {ORG_STATUS_LABELS[status][locale]}
      </Badge>
      {suspended && (
        <Badge color="red" variant="filled">
          {t("directory.status.suspended")}
        </Badge>
      )}
    </Group>
  );
}
