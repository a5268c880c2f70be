import type { PersonalDataPart } from "../../core/module.js";
import { anonymizeAuthor, exportMessagesOf } from "./conversations.api.js";

/**
 * The messages a user wrote (their attachments are in the export with every upload of theirs, by the
 * privacy module's files part); erasure leaves the messages in their conversations, shown as from
 * «удалённый пользователь», and drops the user's read marks.
 */
export const conversationsPersonalData: PersonalDataPart = {
  async export(tx, userId) {
    return { messagesWritten: await exportMessagesOf(tx, userId) };
  },
  async erase(tx, userId) {
    await anonymizeAuthor(tx, userId);
  },
};
