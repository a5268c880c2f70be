import type { Messages } from "../../core/module.js";

/** Messages of organization verification and claims (verification.service.ts). */
export const VERIFICATION_MESSAGES: Messages = {
  ru: {
    "problem.document-type": "Документ должен быть файлом PDF, JPEG или PNG",
    "problem.document-too-large": "Документ должен быть не больше 10 МБ",
    "problem.already-verified": "Организация уже подтверждена оператором",
    "problem.verification-pending": "Документ организации уже на проверке у оператора; дождитесь решения",
    "problem.claim-pending": "Вы уже подали заявление на эту организацию; дождитесь решения оператора",
    "problem.claim-own-organization":
      "Вы состоите в этой организации: заявление подаёт тот, чью компанию зарегистрировал кто-то другой",
    "problem.verification-changed":
      "По этому запросу уже принято решение или он изменился: обновите страницу",
    "problem.verification-organization-gone":
      "Организации уже нет на платформе: её удалили или объединили с другой",
    "problem.own-organization":
      "Вы состоите в этой организации или сами подали запрос: решение по нему принимает другой оператор",
    "problem.organization-not-verified":
      "Организация ещё не подтверждена. Загрузите выписку из ЕГРЮЛ/ЕГРИП или письмо на бланке организации за подписью руководителя в разделе «Подтверждение» — после проверки оператором можно подать заявку на статус.",
    "problem.join-unverified":
      "Организация ещё не подтверждена оператором, поэтому запросы на вступление в неё не принимаются: попросите её руководителя прислать приглашение. Если это ваша компания и её зарегистрировал кто-то другой, подайте заявление с выпиской из ЕГРЮЛ/ЕГРИП.",
    "field.verification.file": "Приложите документ в поле file (PDF, JPEG или PNG до 10 МБ)",
    "field.verification.decision-verification": "Запрос на подтверждение можно подтвердить или отклонить",
    "field.verification.decision-claim":
      "Заявление можно удовлетворить передачей прав, объединением, удалением организации или отклонить",
    "field.verification.reason": "Укажите причину",
    "field.verification.document-type":
      "Выберите вид документа: выписка из ЕГРЮЛ/ЕГРИП или письмо на бланке за подписью руководителя",
    "field.verification.comment": "Комментарий — не больше 2000 символов",
    "field.verification.merge-from": "Выберите организацию заявителя, которую нужно объединить с этой",
    "status.closed.not-verified":
      "Организация ещё не подтверждена: загрузите выписку из ЕГРЮЛ/ЕГРИП или письмо на бланке в разделе «Подтверждение»",
    "verification.superseded": "Решено по заявлению о принадлежности организации",
    "verification.changed.state": "Сейчас запрос: {state}.",
    "verification.changed.decided": "Сейчас запрос: {state}; решение принял(а) {name}.",
    "verification.state.pending": "на проверке",
    "verification.state.verified": "подтверждено",
    "verification.state.rejected": "отклонено",
    "verification.state.transferred": "права переданы заявителю",
    "verification.state.merged": "объединено",
    "verification.state.removed": "организация удалена",
    "join.hidden-name": "Имя скрыто до подтверждения организации",
  },
  en: {
    "problem.document-type": "The document must be a PDF, JPEG or PNG file",
    "problem.document-too-large": "The document must be at most 10 MB",
    "problem.already-verified": "The organization has already been verified by the operator",
    "problem.verification-pending":
      "A document of the organization is already being checked by the operator; wait for the decision",
    "problem.claim-pending":
      "You have already filed a claim to this organization; wait for the operator's decision",
    "problem.claim-own-organization":
      "You are a member of this organization: a claim is filed by someone whose company was registered by someone else",
    "problem.verification-changed": "This request has already been decided or has changed: reload the page",
    "problem.verification-organization-gone":
      "The organization is no longer on the platform: it was removed or merged into another",
    "problem.own-organization":
      "You are a member of this organization or filed the request yourself: another operator decides it",
    "problem.organization-not-verified":
      "The organization has not been verified yet. Upload an extract from the state register (EGRUL/EGRIP) or a letter on the organization's letterhead signed by its head under “Verification”; once the operator has checked it you can apply for a status.",
    "problem.join-unverified":
      "The organization has not been verified by the operator yet, so it does not take join requests: ask its head for an invitation. If this is your company and someone else registered it, file a claim with an extract from the state register.",
    "field.verification.file": "Attach the document in the field file (PDF, JPEG or PNG up to 10 MB)",
    "field.verification.decision-verification": "A verification request can be verified or rejected",
    "field.verification.decision-claim": "A claim can be granted by transfer, merge or removal, or rejected",
    "field.verification.reason": "Give the reason",
    "field.verification.document-type":
      "Choose the kind of document: an extract from the state register or a letter on letterhead signed by the head",
    "field.verification.comment": "The comment must be at most 2000 characters",
    "field.verification.merge-from": "Choose the claimant's organization to merge into this one",
    "status.closed.not-verified":
      "The organization has not been verified yet: upload an extract from the state register or a letter on letterhead under “Verification”",
    "verification.superseded": "Decided by a claim to the organization",
    "verification.changed.state": "The request is now: {state}.",
    "verification.changed.decided": "The request is now: {state}; decided by {name}.",
    "verification.state.pending": "being checked",
    "verification.state.verified": "verified",
    "verification.state.rejected": "rejected",
    "verification.state.transferred": "transferred to the claimant",
    "verification.state.merged": "merged",
    "verification.state.removed": "organization removed",
    "join.hidden-name": "Name hidden until the organization is verified",
  },
};
