import type { Messages } from "../../core/module.js";

/**
 * Messages of the status side of organizations: problems, field errors, why a status cannot be
 * applied for (status.closed.*), why a transition is refused (status.transition.*), application states.
 */
export const STATUS_MESSAGES: Messages = {
  ru: {
    "problem.status-not-open": "Подать заявку на этот статус нельзя",
    "problem.status-application-open":
      "У организации уже есть незавершённая заявка на статус: дождитесь решения, доработайте возвращённую заявку или отзовите её",
    "problem.status-transition": "Такое изменение статуса сейчас невозможно",
    "problem.application-changed": "Заявку уже изменили: обновите страницу и проверьте её текущее состояние",
    "field.status-reject-reason": "Укажите причину отказа",
    "field.status-return-comment": "Укажите, что нужно исправить",
    "status.closed.participant-moscow-only":
      "Статус участника кластера доступен только организациям, зарегистрированным в Москве (регион 77)",
    "status.closed.partner-not-moscow":
      "Статус партнёра кластера доступен организациям из других регионов и иностранным организациям; организациям из Москвы (регион 77) доступен статус участника кластера",
    "status.closed.already-participant": "Организация уже имеет статус участника кластера",
    "status.closed.already-partner": "Организация уже имеет статус партнёра кластера",
    "status.closed.open-application":
      "У организации уже есть незавершённая заявка на статус (на рассмотрении или на доработке)",
    "status.transition.suspend":
      "Приостановить можно только действующий статус участника или партнёра кластера; статус организации сейчас: «{status}»",
    "status.transition.suspended": "Статус организации уже приостановлен",
    "status.transition.resume": "Возобновить можно только приостановленный статус",
    "status.transition.revoke":
      "Отозвать можно только статус участника или партнёра кластера; статус организации сейчас: «{status}»",
    "status.transition.resubmit": "Повторно отправить можно только заявку, возвращённую на доработку",
    "status.transition.withdraw": "Отозвать можно только заявку на рассмотрении или на доработке",
    "status.changed.state": "Сейчас заявка {state}.",
    "status.changed.decided": "Сейчас заявка {state}; решение принял(а) {name}.",
    "status.state.pending": "на рассмотрении",
    "status.state.returned": "возвращена на доработку",
    "status.state.approved": "одобрена",
    "status.state.rejected": "отклонена",
    "status.state.withdrawn": "отозвана заявителем",
  },
  en: {
    "problem.status-not-open": "You cannot apply for this status",
    "problem.status-application-open":
      "The organization already has an unfinished status application: wait for the decision, fix the returned application or withdraw it",
    "problem.status-transition": "This status change is not possible now",
    "problem.application-changed":
      "The application has already been changed: reload the page and check its current state",
    "field.status-reject-reason": "Give the reason for the rejection",
    "field.status-return-comment": "Say what needs to be fixed",
    "status.closed.participant-moscow-only":
      "Cluster participant status is open only to organizations registered in Moscow (region 77)",
    "status.closed.partner-not-moscow":
      "Cluster partner status is open to organizations from other regions and abroad; organizations from Moscow (region 77) can apply for cluster participant status",
    "status.closed.already-participant": "The organization already has cluster participant status",
    "status.closed.already-partner": "The organization already has cluster partner status",
    "status.closed.open-application":
      "The organization already has an unfinished status application (under review or returned for changes)",
    "status.transition.suspend":
      "Only an active cluster participant or partner status can be suspended; the organization's status now: “{status}”",
    "status.transition.suspended": "The organization's status is already suspended",
    "status.transition.resume": "Only a suspended status can be resumed",
    "status.transition.revoke":
      "Only a cluster participant or partner status can be revoked; the organization's status now: “{status}”",
    "status.transition.resubmit": "Only an application returned for changes can be resubmitted",
    "status.transition.withdraw": "Only an application under review or returned for changes can be withdrawn",
    "status.changed.state": "The application is now {state}.",
    "status.changed.decided": "The application is now {state}; decided by {name}.",
    "status.state.pending": "under review",
    "status.state.returned": "returned for changes",
    "status.state.approved": "approved",
    "status.state.rejected": "rejected",
    "status.state.withdrawn": "withdrawn by the applicant",
  },
};
