import { inArray } from "drizzle-orm";
import { RESPONSE_OF_KIND, RESPONSE_TYPES, responseSchema } from "../../shared/listingResponses.js";
import { clusterClock, type ListingKindName, type ListingValues } from "../../shared/listings.js";
import { NDA_VERSION } from "../../shared/nda.js";
import type { Executor } from "../core/db.js";
import { conversationMessages, conversations } from "../modules/conversations/conversations.schema.js";
import { NDA_SHA256 } from "../modules/listings/listings.details.js";
import { listingNdaAcceptances } from "../modules/listings/listings.details.schema.js";
import { listingResponseEvents, listingResponses } from "../modules/listings/listings.responses.schema.js";
import { listings } from "../modules/listings/listings.schema.js";

/*
 * Demo responses to the demo listings: quotes on production orders (one order done and rated, one in
 * production, one with quotes to compare), viewing requests of premises in each state, inquiries on
 * capabilities, interest in technologies — each with its history and its conversation between the two
 * organizations, dated in the past. Written as rows (the seed has no request), and each response's and
 * move's values pass their declaration, as a person's would. Deterministic: no faker.
 */

type Org = { id: string; shortName: string; owner: string };
type Listing = {
  id: string;
  kind: ListingKindName;
  titleRu: string;
  organizationId: string;
  owner: string;
  nda: boolean;
  /** When it was published (responses come after; the seed spreads them over the year since). */
  publishedAt?: Date | null;
};
type Step = { move: string; data?: ListingValues; say?: string };
type Plan = { listing: Listing; by: Org; values: ListingValues; steps: Step[]; say?: string };

const DAY = 24 * 3600_000;

/** A day from now in the cluster's calendar, as YYYY-MM-DD (or a local time with `at`). */
const ahead = (days: number, at?: string) => {
  const c = clusterClock(new Date(Date.now() + days * DAY));
  return at ? `${c.today}T${at}` : c.today;
};

const QUOTE_COMMENTS = [
  "Материал и анодирование — наши. Протокол измерений первых 10 деталей приложим к поставке.",
  "Можем начать через неделю после согласования чертежей; доставка до склада заказчика в Москве включена.",
  "Предлагаем изготовить пилотную партию 20 штук за 10 дней, остальное — после вашей приёмки.",
];

/** Writes the plans: responses, their events (one a day), conversations and their messages. */
async function write(db: Executor, plans: Plan[]) {
  const now = Date.now();
  for (const [i, p] of plans.entries()) {
    const type = RESPONSE_TYPES[RESPONSE_OF_KIND[p.listing.kind]!];
    const clock = clusterClock(new Date());
    const values = responseSchema(type.fields, type.check, clock).parse(p.values);
    // Recent, or — every other one — further back in the listing's life (the dashboards' year), at
    // least a week after its publication.
    const recent = now - (p.steps.length + 2 + (i % 5)) * DAY;
    const published = p.listing.publishedAt?.getTime() ?? now;
    const back = i % 2 === 1 ? ((i * 37) % 300) * DAY : 0;
    const start = Math.max(Math.min(recent, published + 7 * DAY), recent - back);
    let state = type.initial;
    let outcome: ListingValues = {};
    const events: (typeof listingResponseEvents.$inferInsert)[] = [];
    const messages: { side: "a" | "b"; authorId: string; event: string | null; body: string; at: Date }[] =
      [];
    messages.push({
      side: "b",
      authorId: p.by.owner,
      event: "listings.response.created",
      body: typeof values.message === "string" ? values.message : "",
      at: new Date(start),
    });
    if (p.say)
      messages.push({
        side: "a",
        authorId: p.listing.owner,
        event: null,
        body: p.say,
        at: new Date(start + DAY / 3),
      });
    for (const [k, step] of p.steps.entries()) {
      const move = type.moves.find((m) => m.name === step.move)!;
      if (!move.from.includes(state)) throw new Error(`seed: ${step.move} from ${state}`);
      const data = responseSchema(move.fields ?? [], undefined, clock).parse(step.data ?? {});
      const at = new Date(start + (k + 1) * DAY);
      events.push({
        responseId: "",
        event: move.name,
        fromState: state,
        toState: move.to,
        side: move.by,
        actorId: move.by === "owner" ? p.listing.owner : p.by.owner,
        data,
        createdAt: at,
      });
      const side = move.by === "owner" ? "a" : "b";
      const text = Object.values(data).filter((v) => typeof v === "string" && v.length > 20);
      messages.push({
        side,
        authorId: move.by === "owner" ? p.listing.owner : p.by.owner,
        event: `listings.response.${move.name}`,
        body: text.join("\n\n"),
        at,
      });
      if (step.say)
        messages.push({
          side,
          authorId: move.by === "owner" ? p.listing.owner : p.by.owner,
          event: null,
          body: step.say,
          at: new Date(at.getTime() + 3600_000),
        });
      state = move.to;
      outcome = { ...outcome, ...data };
    }
    const updated = new Date(start + p.steps.length * DAY);
    const [r] = await db
      .insert(listingResponses)
      .values({
        listingId: p.listing.id,
        organizationId: p.by.id,
        authorId: p.by.owner,
        type: type.name,
        state,
        active: type.active.includes(state),
        values,
        outcome,
        rating: typeof outcome.rating === "number" ? outcome.rating : null,
        createdAt: new Date(start),
        updatedAt: updated,
        version: p.steps.length + 1,
      })
      .returning({ id: listingResponses.id });
    await db.insert(listingResponseEvents).values([
      {
        responseId: r!.id,
        event: "created",
        toState: type.initial,
        side: "responder" as const,
        actorId: p.by.owner,
        data: values,
        createdAt: new Date(start),
      },
      ...events.map((e) => ({ ...e, responseId: r!.id })),
    ]);
    // An order behind an NDA was answered by an organization that accepted it first.
    if (p.listing.nda)
      await db
        .insert(listingNdaAcceptances)
        .values({
          listingId: p.listing.id,
          organizationId: p.by.id,
          userId: p.by.owner,
          acceptedAt: new Date(start - 3600_000),
          textVersion: NDA_VERSION,
          textSha256: NDA_SHA256,
        })
        .onConflictDoNothing();
    const last = messages.at(-1)!.at;
    const [c] = await db
      .insert(conversations)
      .values({
        subjectKind: "listing_response",
        subjectId: r!.id,
        title: p.listing.titleRu,
        orgA: p.listing.organizationId,
        orgB: p.by.id,
        createdAt: new Date(start),
        lastMessageAt: last,
      })
      .returning({ id: conversations.id });
    await db.insert(conversationMessages).values(
      messages.map((m) => ({
        conversationId: c!.id,
        side: m.side,
        authorId: m.authorId,
        event: m.event,
        body: m.body,
        createdAt: m.at,
      })),
    );
    // An accepted quote won its order: the order left the catalog.
    if (type.name === "quote" && !["submitted", "declined", "withdrawn"].includes(state))
      await db
        .update(listings)
        .set({ awardedResponseId: r!.id, state: "closed" })
        .where(inArray(listings.id, [p.listing.id]));
  }
}

/**
 * Responses of the demo organizations to the published demo listings. `makers` answer production
 * orders and technology offers; `tenants` ask to view premises and send inquiries. The demo user's
 * organization (`demo`) asked to view premises and was proposed a time: its cabinet has a response
 * waiting for its answer.
 */
export async function seedResponses(db: Executor, published: Listing[], orgs: Org[], demo?: Org) {
  const of = (kind: ListingKindName) => published.filter((l) => l.kind === kind);
  const others = (l: Listing) => orgs.filter((o) => o.id !== l.organizationId);
  const plans: Plan[] = [];
  const quote = (price: number, lead: number, n: number): ListingValues => ({
    price,
    vat: "22",
    leadTimeDays: lead,
    validUntil: ahead(30),
    comment: QUOTE_COMMENTS[n % QUOTE_COMMENTS.length]!,
  });
  const [done, inWork, open] = of("rfq");
  if (done) {
    const [a, b, c] = others(done);
    if (a)
      plans.push({
        listing: done,
        by: a,
        values: quote(1_480_000, 35, 0),
        steps: [
          {
            move: "accept",
            say: "Принимаем ваше предложение. Чертежи и 3D-модели — во вложении к договору.",
          },
          { move: "start" },
          { move: "deliver", say: "Партия отгружена, накладная и протокол измерений приложены." },
          {
            move: "rate",
            data: {
              rating: 5,
              review:
                "Партия пришла на три дня раньше срока, все размеры в допуске, протокол измерений приложен. Будем заказывать ещё.",
            },
          },
        ],
      });
    for (const [n, o] of [b, c].entries())
      if (o)
        plans.push({
          listing: done,
          by: o,
          values: quote(1_620_000 + n * 90_000, 40 + n * 5, n + 1),
          steps: [
            {
              move: "decline",
              data: { reason: "Выбрали предложение с меньшей ценой и более коротким сроком." },
            },
          ],
        });
  }
  if (inWork) {
    const [a, b] = others(inWork).slice(3);
    if (a)
      plans.push({
        listing: inWork,
        by: a,
        values: quote(590_000, 28, 1),
        steps: [
          { move: "accept" },
          { move: "start", say: "Заготовки получены, первая партия 1 000 шт. — через две недели." },
        ],
      });
    if (b)
      plans.push({ listing: inWork, by: b, values: quote(655_000, 21, 2), steps: [{ move: "decline" }] });
  }
  if (open)
    for (const [n, o] of others(open).slice(5, 8).entries())
      plans.push({ listing: open, by: o, values: quote(410_000 + n * 37_000, 20 + n * 7, n), steps: [] });

  const premises = of("premises");
  const viewings: Step[][] = [
    [],
    [
      {
        move: "propose",
        data: { viewingAt: ahead(3, "11:00"), note: "Вход со двора, охрана предупреждена, спросите Андрея." },
      },
    ],
    [{ move: "propose", data: { viewingAt: ahead(2, "15:30") } }, { move: "confirm" }],
    // a viewing that took place: proposed for a day now past
    [{ move: "propose", data: { viewingAt: ahead(-2, "10:00") } }, { move: "confirm" }, { move: "done" }],
  ];
  for (const [n, l] of premises.slice(0, 4).entries()) {
    const by = n === 1 && demo ? demo : others(l)[(n + 6) % Math.max(1, others(l).length)];
    if (by)
      plans.push({
        listing: l,
        by,
        values: {
          message:
            "Ищем помещение под опытный участок на 6–8 сотрудников, въезд с июня. Хотим посмотреть на этой неделе.",
          preferredTime: "будни после 14:00",
        },
        steps: viewings[n]!,
      });
  }
  for (const [n, l] of of("capability").slice(0, 3).entries()) {
    const by = others(l)[(n + 2) % Math.max(1, others(l).length)];
    if (by)
      plans.push({
        listing: l,
        by,
        values: {
          message:
            "Нужна опытная партия 50 деталей по нашим чертежам; пришлите, пожалуйста, ориентировочную цену.",
          quantity: 50,
        },
        steps:
          n === 0
            ? [{ move: "accept", say: "Пришлите чертежи в формате STEP, посчитаем за два дня." }]
            : n === 1
              ? [{ move: "decline", data: { reason: "Такие габариты не помещаются на наши станки." } }]
              : [],
      });
  }
  for (const [n, l] of of("technology").slice(0, 2).entries()) {
    const by = others(l)[(n + 4) % Math.max(1, others(l).length)];
    if (by)
      plans.push({
        listing: l,
        by,
        values: {
          message:
            "Рассматриваем неисключительную лицензию для серийного производства; готовы обсудить роялти.",
        },
        steps:
          n === 0
            ? [
                { move: "negotiate" },
                {
                  move: "agree",
                  data: {
                    terms:
                      "Неисключительная лицензия на 5 лет, территория — Россия; паушальный платёж 1,2 млн ₽ и роялти 3 % с выручки.",
                  },
                },
              ]
            : [
                {
                  move: "negotiate",
                  say: "Давайте созвонимся на следующей неделе: пришлём проект лицензионного договора.",
                },
              ],
      });
  }
  await write(db, plans);
}
