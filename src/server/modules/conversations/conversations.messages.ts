import type { Messages } from "../../core/module.js";

/** Problems, field errors and the words a conversation shows (author names, system events). */
export const CONVERSATION_MESSAGES: Messages = {
  ru: {
    "problem.message-edit-window":
      "Изменить или удалить сообщение можно только в течение 10 минут после отправки",
    "problem.message-changed": "Сообщение уже изменили: обновите страницу",
    "field.conversation-empty": "Напишите сообщение или приложите файл",
    "field.conversation-file": "Приложите файл в поле file",
    "conversations.operator": "Оператор кластера",
    "conversations.deleted-user": "удалённый пользователь",
    "conversations.platform": "Платформа",
    "conversations.message-deleted": "сообщение удалено",
    "conversations.event.status.submitted": "Заявка подана",
    "conversations.event.status.returned": "Заявка возвращена на доработку",
    "conversations.event.status.resubmitted": "Заявка отправлена повторно",
    "conversations.event.status.approved": "Заявка одобрена",
    "conversations.event.status.rejected": "В заявке отказано",
    "conversations.event.status.withdrawn": "Заявка отозвана",
  },
  en: {
    "problem.message-edit-window": "A message can be edited or removed only within 10 minutes of sending it",
    "problem.message-changed": "The message has been changed already: reload the page",
    "field.conversation-empty": "Write a message or attach a file",
    "field.conversation-file": "Attach a file in the field named file",
    "conversations.operator": "Cluster operator",
    "conversations.deleted-user": "deleted user",
    "conversations.platform": "Platform",
    "conversations.message-deleted": "message deleted",
    "conversations.event.status.submitted": "Application submitted",
    "conversations.event.status.returned": "Application returned for changes",
    "conversations.event.status.resubmitted": "Application sent again",
    "conversations.event.status.approved": "Application approved",
    "conversations.event.status.rejected": "Application rejected",
    "conversations.event.status.withdrawn": "Application withdrawn",
  },
};
