import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../core/db.js";
import { challengeQuestions } from "../modules/challenges/challenges.qa.schema.js";
import { challengeSubmissions, challenges } from "../modules/challenges/challenges.schema.js";
import { memberships } from "../modules/organizations/organizations.schema.js";

/*
 * The demo's visibility and Q&A of challenges (run by the challenges seeder after its challenges): the
 * open mammography challenge of ДЗМ behind an NDA, the open passenger-count challenge of Дептранс for
 * registered users only, and answered questions of submitters on both (shown under their
 * organizations). Deterministic.
 */

const DAY = 24 * 3600_000;

const NDA_RU = `Соглашение о неразглашении

1. Участник, получивший доступ к описанию задачи и файлам запроса, обязуется не раскрывать третьим лицам сведения о медицинских информационных системах, обезличенных наборах исследований и порядке работы медицинских организаций Департамента здравоохранения города Москвы.
2. Сведения используются только для подготовки заявки на запрос.
3. Обязательства действуют три года с даты принятия соглашения.`;

const SETUP: {
  title: string;
  visibility: "registered" | "nda";
  questions: { q: string; a: string }[];
}[] = [
  {
    title: "Предварительный разбор маммограмм с помощью ИИ",
    visibility: "nda",
    questions: [
      {
        q: "В каком формате будут предоставлены исследования для пилота: DICOM с сервера ЕРИС или выгрузка?",
        a: "Исследования передаются в формате DICOM через шлюз ЕРИС ЕМИАС; доступ выдаётся после подписания договора на пилот.",
      },
    ],
  },
  {
    title: "Подсчёт пассажиропотока на остановках наземного транспорта",
    visibility: "registered",
    questions: [
      {
        q: "Можно ли использовать лидары вместо камер, если они не сохраняют изображения?",
        a: "Да, подходит любой датчик без сбора персональных данных; укажите в заявке точность в дождь и снег.",
      },
      {
        q: "Предоставляется ли доступ к сети павильона для передачи данных или нужен свой канал связи?",
        a: "На 50 пилотных остановках есть питание 220 В; канал связи участник обеспечивает сам (LTE-модем допускается).",
      },
      {
        q: "Будут ли данные валидаций по пилотным остановкам доступны для сверки точности?",
        a: "Да, обезличенные данные валидаций по часам передадим победителю на время пилота.",
      },
    ],
  },
];

export async function seedChallengeQa(db: Executor, now: number) {
  const found = await db
    .select({
      id: challenges.id,
      title: challenges.titleRu,
      org: challenges.organizationId,
      opened: challenges.openedAt,
    })
    .from(challenges)
    .where(
      inArray(
        challenges.titleRu,
        SETUP.map((s) => s.title),
      ),
    );
  for (const s of SETUP) {
    const c = found.find((f) => f.title === s.title);
    if (!c) continue;
    await db
      .update(challenges)
      .set({ visibility: s.visibility, ndaRu: s.visibility === "nda" ? NDA_RU : null })
      .where(eq(challenges.id, c.id));
    const askers = await db
      .select({ org: challengeSubmissions.organizationId, user: memberships.userId })
      .from(challengeSubmissions)
      .innerJoin(
        memberships,
        and(
          eq(memberships.organizationId, challengeSubmissions.organizationId),
          eq(memberships.role, "owner"),
        ),
      )
      .where(eq(challengeSubmissions.challengeId, c.id))
      .orderBy(asc(challengeSubmissions.createdAt));
    const [manager] = await db
      .select({ user: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.organizationId, c.org), eq(memberships.role, "owner")));
    const start = c.opened?.getTime() ?? now - 10 * DAY;
    for (const [i, x] of s.questions.entries()) {
      const asker = askers[i % Math.max(askers.length, 1)];
      const asked = new Date(start + (i + 1) * DAY);
      await db.insert(challengeQuestions).values({
        challengeId: c.id,
        askerId: asker?.user ?? null,
        // Every other question is shown as «Участник» (the asker chose no organization).
        organizationId: i % 2 === 0 ? (asker?.org ?? null) : null,
        question: x.q,
        answer: x.a,
        answeredBy: manager?.user ?? null,
        answeredAt: new Date(asked.getTime() + DAY / 2),
        createdAt: asked,
        updatedAt: new Date(asked.getTime() + DAY / 2),
        version: 2,
      });
    }
  }
}
