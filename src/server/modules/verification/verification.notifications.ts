import type { NotificationKind } from "../../core/module.js";

/**
 * Decisions on verification and claims, to the organization's members and the claimant (in-app and
 * e-mail at once by default). Data: event, org (short name), reason, from (a merged organization).
 */
export const VERIFICATION_NOTIFICATION = "org.verification.decided";

type Data = Record<string, string | number | null>;
type Text = { title: string; body?: string };

const TEXTS: Record<string, { ru: (d: Data) => Text; en: (d: Data) => Text }> = {
  verified: {
    ru: (d) => ({
      title: `Организация «${d.org}» подтверждена`,
      body: "Оператор кластера проверил документ. Теперь можно подать заявку на статус и принимать запросы на вступление.",
    }),
    en: (d) => ({
      title: `${d.org} has been verified`,
      body: "The cluster operator checked the document. You can now apply for a status and take join requests.",
    }),
  },
  rejected: {
    ru: (d) => ({
      title: `Документ организации «${d.org}» отклонён`,
      body: `Причина: ${d.reason}. Загрузите другой документ.`,
    }),
    en: (d) => ({
      title: `The document of ${d.org} was rejected`,
      body: `Reason: ${d.reason}. Upload another document.`,
    }),
  },
  "claim-rejected": {
    ru: (d) => ({ title: `Заявление об организации «${d.org}» отклонено`, body: `Причина: ${d.reason}` }),
    en: (d) => ({ title: `Your claim to ${d.org} was rejected`, body: `Reason: ${d.reason}` }),
  },
  "claim-transferred": {
    ru: (d) => ({
      title: `Вы стали владельцем организации «${d.org}»`,
      body: "Оператор кластера удовлетворил ваше заявление: организация передана вам и подтверждена.",
    }),
    en: (d) => ({
      title: `You are now the owner of ${d.org}`,
      body: "The cluster operator granted your claim: the organization was transferred to you and verified.",
    }),
  },
  "claim-removed": {
    ru: (d) => ({
      title: `Организация «${d.org}» удалена по вашему заявлению`,
      body: "Теперь вы можете зарегистрировать свою компанию с её ИНН.",
    }),
    en: (d) => ({
      title: `${d.org} was removed on your claim`,
      body: "You can now register your company with its INN.",
    }),
  },
  "transferred-kept": {
    ru: (d) => ({
      title: `Организация «${d.org}» передана законному владельцу`,
      body: "Оператор кластера проверил документы компании и передал ей права владельца. Вы остались сотрудником без прав управления.",
    }),
    en: (d) => ({
      title: `${d.org} was transferred to its rightful owner`,
      body: "The cluster operator checked the company's documents and made it the owner. You stay a member without managing rights.",
    }),
  },
  "transferred-removed": {
    ru: (d) => ({
      title: `Организация «${d.org}» передана законному владельцу`,
      body: "Оператор кластера проверил документы компании и передал ей права владельца; вы больше не состоите в организации.",
    }),
    en: (d) => ({
      title: `${d.org} was transferred to its rightful owner`,
      body: "The cluster operator checked the company's documents and made it the owner; you are no longer a member.",
    }),
  },
  merged: {
    ru: (d) => ({
      title: `Организация «${d.from}» объединена с «${d.org}»`,
      body: `Вы теперь сотрудник организации «${d.org}». Профиль, логотип и заявки организации «${d.from}» удалены.`,
    }),
    en: (d) => ({
      title: `${d.from} was merged into ${d.org}`,
      body: `You are now a member of ${d.org}. The profile, logo and applications of ${d.from} were deleted.`,
    }),
  },
  removed: {
    ru: (d) => ({ title: `Организация «${d.org}» удалена оператором`, body: `Причина: ${d.reason}` }),
    en: (d) => ({ title: `${d.org} was removed by the operator`, body: `Reason: ${d.reason}` }),
  },
};

export const VERIFICATION_NOTIFICATION_KINDS: Record<string, NotificationKind> = {
  [VERIFICATION_NOTIFICATION]: {
    label: {
      ru: "Подтверждение организации и заявления о ней",
      en: "Verification of organizations and claims",
    },
    defaultChannel: "email",
    render(l, d: Data) {
      const t = TEXTS[String(d.event)] ?? TEXTS.verified!;
      return t[l](d);
    },
  },
};
