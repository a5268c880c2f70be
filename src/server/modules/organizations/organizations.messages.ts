import type { Messages } from "../../core/module.js";

/** Problem titles and field errors of organization profiles, members, invitations and join requests. */
export const ORGANIZATION_MESSAGES: Messages = {
  ru: {
    "problem.not-contact-person": "Согласиться на публикацию контактов может только само контактное лицо",
    "problem.contacts-not-requested":
      "Публикацию контактов никто не запрашивал: её включает руководитель в профиле",
    "problem.name-change-changed":
      "Заявку на смену названия уже рассмотрели или изменили: обновите страницу и посмотрите её текущее состояние",
    "field.org.contact-person-not-member": "Контактным лицом может быть только сотрудник организации",
    "field.name-change.reason-required": "Укажите причину отказа — её прочтут сотрудники организации",
    "problem.inn-taken":
      "Организация «{name}» с такими реквизитами уже зарегистрирована. Если вы в ней работаете, попросите владельца добавить вас; если это ваша компания, а зарегистрировал её кто-то другой, подайте заявление с документом — его проверит оператор.",
    "problem.city-body-operator-only":
      "Орган власти города может зарегистрировать только оператор кластера. Обратитесь к оператору.",
    "problem.owner-must-transfer":
      "Владелец не может покинуть организацию или быть исключён из неё, пока не передаст права владельца другому сотруднику",
    "problem.owner-protected": "Роль владельца изменить нельзя: владелец может только передать свои права",
    "problem.member-exists": "Этот человек уже состоит в организации",
    "problem.already-member": "Вы уже состоите в этой организации",
    "problem.invitation-invalid":
      "Приглашение недействительно: оно уже использовано, отозвано или истёк срок его действия",
    "problem.invitation-other-email":
      "Приглашение отправлено на адрес {email}. Войдите с этим адресом, чтобы принять его.",
    "problem.invitation-not-pending": "Приглашение уже принято, отозвано или истекло",
    "problem.join-request-pending":
      "Вы уже отправили запрос на вступление в эту организацию; дождитесь решения",
    "problem.join-request-not-pending": "Запрос уже рассмотрен или отменён",
    "field.org.inn.required": "Укажите ИНН",
    "field.org.inn.digits": "ИНН должен состоять из {length} цифр",
    "field.org.inn.checksum": "Контрольная сумма ИНН не сходится: проверьте, нет ли опечатки",
    "field.org.ogrn.required": "Укажите ОГРН",
    "field.org.ogrn.digits": "ОГРН должен состоять из {length} цифр",
    "field.org.ogrn.checksum": "Контрольная сумма ОГРН не сходится: проверьте, нет ли опечатки",
    "field.org.ogrnip.required": "Укажите ОГРНИП",
    "field.org.ogrnip.digits": "ОГРНИП должен состоять из {length} цифр",
    "field.org.ogrnip.checksum": "Контрольная сумма ОГРНИП не сходится: проверьте, нет ли опечатки",
    "field.org.kpp.required": "Укажите КПП",
    "field.org.kpp.digits":
      "КПП состоит из 9 символов: цифры, 5-й и 6-й могут быть заглавными латинскими буквами",
    "field.org.country.required": "Укажите страну",
    "field.org.country.russia": "Российская организация регистрируется с ИНН и ОГРН, а не как иностранная",
    "field.org.foreign-reg-number.required": "Укажите регистрационный номер организации в её стране",
    "field.org.region.required": "Укажите регион регистрации",
    "field.org.founded.future": "Дата основания не может быть в будущем",
    "field.org.founded.past": "Проверьте дату основания: она слишком ранняя",
    "field.org.inn-taken": "Организация с этим ИНН уже зарегистрирована",
    "field.org.reg-number-taken": "Организация с этим регистрационным номером уже зарегистрирована",
    "field.org.identifier-locked":
      "Реквизиты нельзя изменить, пока у организации есть статус участника или партнёра: их проверил оператор. Обратитесь к оператору.",
    "field.org.region-locked":
      "Регион нельзя изменить, пока у организации есть статус участника или партнёра: от него зависит статус. Обратитесь к оператору.",
    "field.org.new-owner-not-member": "Новым владельцем может стать только сотрудник организации",
    "field.org.already-owner": "Вы уже владелец организации",
    "field.org.logo-file": "Выберите файл логотипа (PNG, JPEG или WebP, до 2 МБ)",
    "field.org.flag-unknown": "Неизвестное сведение для мер поддержки «{flag}». Допустимые: {options}",
    "field.region": "Выберите регион из списка субъектов Российской Федерации",
    "field.country": "Укажите двухбуквенный код страны, например DE",
    "field.okved-section": "Раздел ОКВЭД2 — латинская буква от A до U",
    "field.okved-code": "Укажите код ОКВЭД2, например 62.01",
    "field.phone": "Укажите телефон, например +7 495 123-45-67",
  },
  en: {
    "problem.not-contact-person": "Only the contact person may agree to the publication of the contacts",
    "problem.contacts-not-requested":
      "Nobody asked to publish the contacts: a manager turns it on in the profile",
    "problem.name-change-changed":
      "The name change was already decided or changed: reload the page to see its current state",
    "field.org.contact-person-not-member": "The contact person must be a member of the organization",
    "field.name-change.reason-required":
      "Give the reason for the rejection — the organization's members will read it",
    "problem.inn-taken":
      "The organization “{name}” with these identifiers is already registered. If you work there, ask its owner to add you; if it is your company and someone else registered it, file a claim with a document for the operator to check.",
    "problem.city-body-operator-only":
      "Only the cluster operator can register a city authority. Please contact the operator.",
    "problem.owner-must-transfer":
      "The owner cannot leave or be removed from the organization before transferring ownership to another member",
    "problem.owner-protected": "The owner's role cannot be changed: the owner can only transfer ownership",
    "problem.member-exists": "This person is already a member of the organization",
    "problem.already-member": "You are already a member of this organization",
    "problem.invitation-invalid": "This invitation is not valid: it was already used, revoked or has expired",
    "problem.invitation-other-email":
      "The invitation was sent to {email}. Sign in with that address to accept it.",
    "problem.invitation-not-pending": "The invitation has already been accepted, revoked or has expired",
    "problem.join-request-pending":
      "You have already asked to join this organization; please wait for the decision",
    "problem.join-request-not-pending": "The request has already been decided or cancelled",
    "field.org.inn.required": "Enter the INN",
    "field.org.inn.digits": "The INN must consist of {length} digits",
    "field.org.inn.checksum": "The INN check digits do not match: please look for a typo",
    "field.org.ogrn.required": "Enter the OGRN",
    "field.org.ogrn.digits": "The OGRN must consist of {length} digits",
    "field.org.ogrn.checksum": "The OGRN check digit does not match: please look for a typo",
    "field.org.ogrnip.required": "Enter the OGRNIP",
    "field.org.ogrnip.digits": "The OGRNIP must consist of {length} digits",
    "field.org.ogrnip.checksum": "The OGRNIP check digit does not match: please look for a typo",
    "field.org.kpp.required": "Enter the KPP",
    "field.org.kpp.digits": "The KPP has 9 characters: digits; the 5th and 6th may be capital Latin letters",
    "field.org.country.required": "Enter the country",
    "field.org.country.russia":
      "A Russian organization registers with its INN and OGRN, not as a foreign one",
    "field.org.foreign-reg-number.required": "Enter the organization's registration number in its country",
    "field.org.region.required": "Enter the region of registration",
    "field.org.founded.future": "The founding date cannot be in the future",
    "field.org.founded.past": "Please check the founding date: it is too early",
    "field.org.inn-taken": "An organization with this INN is already registered",
    "field.org.reg-number-taken": "An organization with this registration number is already registered",
    "field.org.identifier-locked":
      "The identifiers cannot change while the organization holds participant or partner status: the operator checked them. Please contact the operator.",
    "field.org.region-locked":
      "The region cannot change while the organization holds participant or partner status: the status depends on it. Please contact the operator.",
    "field.org.new-owner-not-member": "Only a member of the organization can become its owner",
    "field.org.already-owner": "You are already the owner",
    "field.org.logo-file": "Choose a logo file (PNG, JPEG or WebP, up to 2 MB)",
    "field.org.flag-unknown": "Unknown support-measure fact “{flag}”. Known ones: {options}",
    "field.region": "Choose a region from the list of Russian federal subjects",
    "field.country": "Enter a two-letter country code, e.g. DE",
    "field.okved-section": "An OKVED2 section is a Latin letter from A to U",
    "field.okved-code": "Enter an OKVED2 code, e.g. 62.01",
    "field.phone": "Enter a phone number, e.g. +7 495 123-45-67",
  },
};
