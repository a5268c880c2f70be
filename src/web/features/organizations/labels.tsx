import { Badge, type BadgeProps } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../../../shared/constants";
import { okvedSectionName } from "../../../shared/okved";
import {
  MEMBER_ROLE_LABELS,
  type MemberRole,
  ORG_STATUS_LABELS,
  ORG_TYPE_LABELS,
  ORG_TYPE_SHORT_LABELS,
  type OrgStatus,
  type OrgType,
  SME_CATEGORY_LABELS,
  type SmeCategory,
} from "../../../shared/organizations";
import { COUNTRIES, regionName } from "../../../shared/regions";
import { tagLabel } from "../../../shared/tags";
import { zoneOf } from "../../format";

const countryByCode = new Map(COUNTRIES.map((c) => [c.code, c]));

/** Labels of shared data (types, statuses, roles, regions…) in the interface language. */
export function useLabels() {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "ru";
  const numericDate = (zone: string) =>
    new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "ru-RU", {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: zone,
    });
  return {
    locale,
    type: (type: OrgType) => ORG_TYPE_LABELS[type]?.[locale] ?? type,
    typeShort: (type: OrgType) => ORG_TYPE_SHORT_LABELS[type]?.[locale] ?? type,
    status: (status: OrgStatus) => ORG_STATUS_LABELS[status]?.[locale] ?? status,
    role: (role: MemberRole) => MEMBER_ROLE_LABELS[role]?.[locale] ?? role,
    sme: (category: SmeCategory) => SME_CATEGORY_LABELS[category]?.[locale] ?? category,
    region: (code: string) => regionName(code, locale) ?? code,
    country: (code: string) => countryByCode.get(code)?.[locale] ?? code,
    okved: (letter: string) => okvedSectionName(letter, locale) ?? letter,
    tag: (slug: string) => tagLabel(slug, locale),
    /** The region for Russian organizations, the country for foreign ones. */
    place(org: { type: OrgType; regionCode: string | null; country: string | null }): string {
      if (org.type === "foreign" || (!org.regionCode && org.country)) {
        return org.country ? (countryByCode.get(org.country)?.[locale] ?? org.country) : "—";
      }
      return org.regionCode ? (regionName(org.regionCode, locale) ?? org.regionCode) : "—";
    },
    /** 12.03.2026 */
    numericDate(value: string | null | undefined): string {
      if (!value) return "—";
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : numericDate(zoneOf(value)).format(date);
    },
  };
}

export { okAlert, warnAlert } from "../../components/alerts";

const STATUS_COLOR: Record<OrgStatus, string> = {
  registered: "gray",
  participant: "teal",
  partner: "violet",
};

/** The organization's status; an orange "suspended" badge follows a suspended status. */
export function StatusBadge({
  status,
  suspended,
  ...props
}: { status: OrgStatus; suspended?: boolean } & Omit<BadgeProps, "children">) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Badge color={STATUS_COLOR[status] ?? "gray"} variant="filled" {...props}>
        {labels.status(status)}
      </Badge>
      {suspended && (
        <Badge color="yellow" c="black" variant="filled" ml={4} {...props}>
          {t("organizations.status.suspendedBadge")}
        </Badge>
      )}
    </>
  );
}

const APPLICATION_COLOR: Record<string, string> = {
  pending: "blue",
  returned: "yellow",
  approved: "teal",
  rejected: "red",
  withdrawn: "gray",
};

export function ApplicationStateBadge({ state }: { state: string }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={APPLICATION_COLOR[state] ?? "gray"}
      c={state === "returned" ? "black" : undefined}
      variant="filled"
    >
      {t(`organizations.application.state.${state}`, { defaultValue: state })}
    </Badge>
  );
}
