// The conversations part of the seed: every status application gets its conversation with the operator;
// a few open ones carry a plausible exchange (a missing document asked for and sent as a PDF, a question
// about the review time, a returned application fixed), with files in the storage when one is given.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import {
  conversationAttachments,
  conversationMessages,
  conversationReads,
  conversations,
} from "../modules/conversations/conversations.schema.js";
import { statusApplications } from "../modules/organizations/organizations.schema.js";
import { storedPdf } from "./files.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Line = {
  /** "op": the operator; "org": the applicant's owner; "returned": the operator's return comment. */
  who: "op" | "org" | "returned";
  body: string;
  /** Hours after the application was submitted. */
  after: number;
  file?: { name: string; lines: string[] };
};

/** The exchanges, given to the oldest open applications in turn. The last line of the last one stays unread. */
const DIALOGUES: Line[][] = [
  [
    {
      who: "op",
      after: 20,
      body: "Добрый день! В заявке не хватает выписки из ЕГРЮЛ не старше 30 дней. Приложите её, пожалуйста, ответом на это сообщение.",
    },
    {
      who: "org",
      after: 26,
      body: "Здравствуйте! Прикладываем свежую выписку, заказали вчера на сайте ФНС.",
      file: {
        name: "Выписка ЕГРЮЛ.pdf",
        lines: ["VYPISKA IZ EGRYUL", "Demonstratsionnyy dokument platformy Innocluster"],
      },
    },
    {
      who: "op",
      after: 29,
      body: "Спасибо, получили. Заявка передана на рассмотрение, решение сообщим здесь.",
    },
  ],
  [
    { who: "returned", after: 30, body: "" },
    {
      who: "org",
      after: 50,
      body: "Исправили сведения о среднесписочной численности. Обновлённую справку прикладываем, заявку отправим повторно.",
      file: {
        name: "Справка о численности.pdf",
        lines: [
          "SPRAVKA O SREDNESPISOCHNOY CHISLENNOSTI",
          "Demonstratsionnyy dokument platformy Innocluster",
        ],
      },
    },
  ],
  [
    {
      who: "org",
      after: 4,
      body: "Подскажите, пожалуйста, сколько обычно рассматривается заявка на статус?",
    },
    {
      who: "op",
      after: 7,
      body: "Заявки рассматриваются до 10 рабочих дней. Ваша — в очереди; решение придёт сюда и на почту.",
    },
    { who: "org", after: 8, body: "Спасибо!" },
  ],
  [
    {
      who: "op",
      after: 18,
      body: "Уточните, пожалуйста, основной вид деятельности: в профиле указан ОКВЭД 62.01, а в описании — производство приборов.",
    },
    {
      who: "org",
      after: 23,
      body: "Основной — 26.51 (производство приборов), в профиле исправили. Письмо за подписью директора прикладываем.",
      file: {
        name: "Письмо о виде деятельности.pdf",
        lines: ["PIS'MO OB OSNOVNOM VIDE DEYATEL'NOSTI", "Demonstratsionnyy dokument platformy Innocluster"],
      },
    },
  ],
  [
    {
      who: "op",
      after: 22,
      body: "Добрый день! Пришлите, пожалуйста, копию устава в действующей редакции (PDF, можно скан).",
    },
  ],
];

export const conversationsSeeder: Seeder = {
  name: "conversations",
  async run({ db, scale, storage, progress }) {
    // Every application's conversation with the operator (as the status module opens them).
    await db.execute(sql`
      insert into conversations (subject_kind, subject_id, title, org_a, org_b, created_at, last_message_at)
      select 'status_application', a.id, o.short_name, a.organization_id, null, a.submitted_at, a.submitted_at
      from status_applications a join organizations o on o.id = a.organization_id
      on conflict do nothing`);
    const [operator] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, "operator@innocluster.demo"));
    if (!operator) return;
    const open = await db
      .select({
        id: statusApplications.id,
        state: statusApplications.state,
        submittedAt: statusApplications.submittedAt,
        submittedBy: statusApplications.submittedBy,
        operatorComment: statusApplications.operatorComment,
      })
      .from(statusApplications)
      .where(inArray(statusApplications.state, ["pending", "returned"]))
      .orderBy(asc(statusApplications.submittedAt), asc(statusApplications.id));
    const returned = open.filter((a) => a.state === "returned");
    const pending = open.filter((a) => a.state === "pending");
    // The second dialogue is about a returned application; the others about pending ones.
    const picks = DIALOGUES.map((_, i) => (i === 1 ? returned[0] : pending[i])).filter(
      (a) => a !== undefined,
    );
    let done = 0;
    for (const [i, app] of picks.entries()) {
      const dialogue = DIALOGUES[i]!;
      const [conv] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.subjectKind, "status_application"), eq(conversations.subjectId, app.id)));
      if (!conv) continue;
      let last = app.submittedAt;
      for (const line of dialogue) {
        const at = new Date(app.submittedAt.getTime() + line.after * HOUR);
        last = at;
        const fromOperator = line.who !== "org";
        const [m] = await db
          .insert(conversationMessages)
          .values({
            conversationId: conv.id,
            authorId: fromOperator ? operator.id : app.submittedBy,
            side: fromOperator ? "b" : "a",
            event: line.who === "returned" ? "status.returned" : null,
            body: line.who === "returned" ? (app.operatorComment ?? "") : line.body,
            createdAt: at,
          })
          .returning({ id: conversationMessages.id });
        if (line.file && storage && m) {
          const fileId = await storedPdf(db, storage, {
            purpose: "conversation",
            name: line.file.name,
            lines: line.file.lines,
            uploadedBy: app.submittedBy,
            at,
          });
          await db.insert(conversationAttachments).values({ messageId: m.id, fileId, position: 0 });
        }
      }
      await db.update(conversations).set({ lastMessageAt: last }).where(eq(conversations.id, conv.id));
      // Both sides have read what was written before the last message; the last one is new to its addressee.
      const lastLine = dialogue.at(-1)!;
      const readAll = new Date(last.getTime() + MINUTE);
      const readBefore = new Date(last.getTime() - MINUTE);
      const applicantRead = lastLine.who === "org" ? readAll : readBefore;
      const operatorRead = lastLine.who === "org" ? readBefore : readAll;
      await db.insert(conversationReads).values([
        { conversationId: conv.id, userId: app.submittedBy, lastReadAt: applicantRead },
        { conversationId: conv.id, userId: operator.id, lastReadAt: operatorRead },
      ]);
      done++;
    }
    progress("conversations", done, scale === "demo" ? picks.length : done);
  },
};
