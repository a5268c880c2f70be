import type { Locale } from "../../../shared/constants.js";
import { MEMBER_ROLES, type MemberRole, memberRoleLabel } from "../../../shared/organizations.js";
import type { NotificationKind } from "../../core/module.js";

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

const s = (v: unknown) => (v === null || v === undefined ? "" : String(v));
const role = (v: unknown, l: Locale) =>
  (MEMBER_ROLES as readonly string[]).includes(s(v)) ? memberRoleLabel(s(v) as MemberRole, l) : s(v);

export const ORGANIZATION_NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  [ORG_NOTIFICATION.joinRequestCreated]: {
    label: { ru: "Запросы на вступление в организацию", en: "Requests to join an organization" },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `Запрос на вступление в «${s(d.org)}»`,
            body: `${s(d.name)} просит добавить его (её) в организацию. Одобрите или отклоните запрос в разделе «Сотрудники».`,
          }
        : {
            title: `Request to join ${s(d.org)}`,
            body: `${s(d.name)} asks to join the organization. Approve or reject the request under "Members".`,
          },
  },
  [ORG_NOTIFICATION.joinRequestDecided]: {
    label: { ru: "Решения по моим запросам на вступление", en: "Decisions on my requests to join" },
    defaultChannel: "email",
    render: (l, d) => {
      const approved = d.decision === "approved";
      return l === "ru"
        ? {
            title: approved
              ? `Ваш запрос на вступление в «${s(d.org)}» одобрен`
              : `Ваш запрос на вступление в «${s(d.org)}» отклонён`,
            body: approved ? "Теперь вы сотрудник организации на платформе." : undefined,
          }
        : {
            title: approved
              ? `Your request to join ${s(d.org)} was approved`
              : `Your request to join ${s(d.org)} was rejected`,
            body: approved ? "You are now a member of the organization on the platform." : undefined,
          };
    },
  },
  [ORG_NOTIFICATION.memberAdded]: {
    label: { ru: "Новые сотрудники организации", en: "New members of the organization" },
    defaultChannel: "in_app",
    render: (l, d) =>
      l === "ru"
        ? { title: `Новый сотрудник в «${s(d.org)}»: ${s(d.name)}` }
        : { title: `New member of ${s(d.org)}: ${s(d.name)}` },
  },
  [ORG_NOTIFICATION.memberRemoved]: {
    label: { ru: "Исключение из организации", en: "Removal from an organization" },
    defaultChannel: "in_app",
    render: (l, d) =>
      l === "ru"
        ? { title: `Вас исключили из организации «${s(d.org)}»` }
        : { title: `You were removed from ${s(d.org)}` },
  },
  [ORG_NOTIFICATION.memberLeft]: {
    label: { ru: "Сотрудник покинул организацию", en: "A member left the organization" },
    defaultChannel: "in_app",
    render: (l, d) =>
      l === "ru"
        ? { title: `${s(d.name)} покинул(а) организацию «${s(d.org)}»` }
        : { title: `${s(d.name)} left ${s(d.org)}` },
  },
  [ORG_NOTIFICATION.memberRoleChanged]: {
    label: { ru: "Изменение моей роли в организации", en: "Changes of my role in an organization" },
    defaultChannel: "in_app",
    render: (l, d) =>
      l === "ru"
        ? { title: `Ваша роль в «${s(d.org)}»: ${role(d.role, l)}` }
        : { title: `Your role in ${s(d.org)}: ${role(d.role, l)}` },
  },
  [ORG_NOTIFICATION.ownershipTransferred]: {
    label: { ru: "Передача прав владельца", en: "Ownership transfers" },
    defaultChannel: "in_app",
    render: (l, d) =>
      l === "ru"
        ? { title: `Вы стали владельцем организации «${s(d.org)}»`, body: `Права передал(а) ${s(d.name)}.` }
        : {
            title: `You are now the owner of ${s(d.org)}`,
            body: `${s(d.name)} transferred ownership to you.`,
          },
  },
  [ORG_NOTIFICATION.publicProfileRequested]: {
    label: {
      ru: "Просьбы показать меня на публичной странице организации",
      en: "Requests to show me on an organization's public page",
    },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `${s(d.name)} просит показать вас на публичной странице «${s(d.org)}»`,
            body: "Ваши имя и должность появятся в каталоге, только если вы сами согласитесь. Ответьте на странице организации; согласие можно отозвать в любой момент.",
          }
        : {
            title: `${s(d.name)} asks to show you on the public page of ${s(d.org)}`,
            body: "Your name and position appear in the directory only if you agree yourself. Answer on the organization's page; you can withdraw at any time.",
          },
  },
  [ORG_NOTIFICATION.contactsConsentRequested]: {
    label: {
      ru: "Просьбы опубликовать мои контакты как контактного лица",
      en: "Requests to publish my contacts as the contact person",
    },
    defaultChannel: "email",
    render: (l, d) =>
      l === "ru"
        ? {
            title: `${s(d.name)} просит опубликовать контакты «${s(d.org)}»`,
            body: "Вы указаны контактным лицом. Контакты появятся в каталоге, только если вы согласитесь на странице организации.",
          }
        : {
            title: `${s(d.name)} asks to publish the contacts of ${s(d.org)}`,
            body: "You are the contact person. The contacts appear in the directory only if you agree on the organization's page.",
          },
  },
  [ORG_NOTIFICATION.nameChangeDecided]: {
    label: { ru: "Решения оператора о смене названия", en: "The operator's decisions on name changes" },
    defaultChannel: "email",
    render: (l, d) => {
      const ok = d.decision === "approved";
      return l === "ru"
        ? {
            title: ok
              ? `Оператор утвердил новое название: «${s(d.name)}»`
              : `Оператор отклонил новое название «${s(d.name)}»`,
            body: ok ? `Прежнее название: «${s(d.org)}».` : s(d.comment) || undefined,
          }
        : {
            title: ok
              ? `The operator approved the new name: ${s(d.name)}`
              : `The operator rejected the new name ${s(d.name)}`,
            body: ok ? `Previous name: ${s(d.org)}.` : s(d.comment) || undefined,
          };
    },
  },
};
