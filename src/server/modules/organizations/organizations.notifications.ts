import type { Locale } from "../../../shared/constants.js";
import { MEMBER_ROLES, type MemberRole, memberRoleLabel } from "../../../shared/organizations.js";
import { catalogueNotices } from "../../core/module.js";

/** Notification kinds of organization membership; data always carries `org` (the short name). */
export const ORG_NOTIFICATION = {
  joinRequestCreated: "org.join-request.created",
  joinRequestDecided: "org.join-request.decided",
  memberAdded: "org.member.added",
  memberRemoved: "org.member.removed",
  memberLeft: "org.member.left",
  memberRoleChanged: "org.member.role-changed",
  ownershipTransferred: "org.ownership.transferred",
  publicProfileRequested: "org.public-profile.requested",
  contactsConsentRequested: "org.contacts-consent.requested",
  nameChangeDecided: "org.name-change.decided",
} as const;

const role = (v: unknown, l: Locale) =>
  (MEMBER_ROLES as readonly string[]).includes(String(v))
    ? memberRoleLabel(v as MemberRole, l)
    : String(v ?? "");
const decided = { of: (d: { decision?: unknown }) => d.decision, list: ["approved", "rejected"] };

/** Texts: locales/<l>/server/organizations.json. */
export const ORGANIZATION_NOTIFICATION_KINDS = catalogueNotices({
  [ORG_NOTIFICATION.joinRequestCreated]: { defaultChannel: "email" },
  [ORG_NOTIFICATION.joinRequestDecided]: { defaultChannel: "email", variants: decided },
  [ORG_NOTIFICATION.memberAdded]: { defaultChannel: "in_app" },
  [ORG_NOTIFICATION.memberRemoved]: { defaultChannel: "in_app" },
  [ORG_NOTIFICATION.memberLeft]: { defaultChannel: "in_app" },
  [ORG_NOTIFICATION.memberRoleChanged]: {
    defaultChannel: "in_app",
    params: (l, d) => ({ roleLabel: role(d.role, l) }),
  },
  [ORG_NOTIFICATION.ownershipTransferred]: { defaultChannel: "in_app" },
  [ORG_NOTIFICATION.publicProfileRequested]: { defaultChannel: "email" },
  [ORG_NOTIFICATION.contactsConsentRequested]: { defaultChannel: "email" },
  [ORG_NOTIFICATION.nameChangeDecided]: { defaultChannel: "email", variants: decided },
});
