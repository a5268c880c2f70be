import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem } from "../../test/assert.js";
import { Client, createUser, multipartFile, signedIn, testAppForFile } from "../../test/helpers.js";
import { orgWithTeam } from "../organizations/organizations.fixtures.js";
import {
  type ChallengeView,
  challengeBody,
  ok,
  openChallenge,
  submissionBody,
} from "./challenges.fixtures.js";

const t = testAppForFile();
let op: Client;
let guest: Client;
let reader: Client;
let corp: Awaited<ReturnType<typeof orgWithTeam>>;
let maker: Awaited<ReturnType<typeof orgWithTeam>>;
let rival: Awaited<ReturnType<typeof orgWithTeam>>;

const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF\n");

type Page = ChallengeView & {
  problemRu: string | null;
  expectedResultRu: string | null;
  requirementsRu: string | null;
  locked: string | null;
  ndaRu: string | null;
  visibility: string;
  files: { id: string; name: string }[];
  me: ChallengeView["me"] & { ndaAcceptedAt: string | null };
};
type Q = {
  id: string;
  question: string;
  askedBy: string | null;
  answer: string | null;
  mine: boolean;
  version: number;
};
type QList = { items: Q[]; canAsk: boolean; canAnswer: boolean };

const upload = (c: Client, url: string, data: Buffer, name: string) => {
  const u = multipartFile(data, name, "application/pdf");
  return c.request("POST", url, u.payload, u.headers);
};

beforeAll(async () => {
  const [o, u] = await Promise.all([createUser(t.database, { role: "operator" }), createUser(t.database)]);
  [op, reader] = await Promise.all([signedIn(t, o), signedIn(t, u)]);
  guest = new Client(t.app);
  corp = await orgWithTeam(t, { shortName: "ПАО «Мосводоканал-Тест»" });
  maker = await orgWithTeam(t, { shortName: "ООО «Гидросенсор»" });
  rival = await orgWithTeam(t, { shortName: "ООО «АкваТех»" });
});

describe("public Q&A", () => {
  it("answered questions are public; an unanswered one only for its asker and the managers; the asker is not named", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const asked = await ok<Q>(
      maker.memberC.post(`/api/challenges/${c.id}/questions`, {
        question: "Какие узлы учёта стоят на домах пилотного района?",
        organizationId: maker.org.id,
      }),
      201,
    );
    expect(asked).toMatchObject({ askedBy: "ООО «Гидросенсор»", answer: null, mine: true });
    const anon = await ok<Q>(
      reader.post(`/api/challenges/${c.id}/questions`, { question: "Можно ли подать заявку от ИП?" }),
      201,
    );
    expect(anon.askedBy).toBeNull();
    expectProblem(
      await guest.post(`/api/challenges/${c.id}/questions`, { question: "Вопрос гостя без входа" }),
      401,
    );
    expectProblem(await reader.post(`/api/challenges/${c.id}/questions`, { question: "Коротко" }), 400);

    // Unanswered: the asker and the managers only.
    expect((await ok<QList>(guest.get(`/api/challenges/${c.id}/questions`))).items).toEqual([]);
    const mine = await ok<QList>(maker.memberC.get(`/api/challenges/${c.id}/questions`));
    expect(mine.items.map((i) => i.id)).toEqual([asked.id]);
    const managers = await ok<QList>(corp.adminC.get(`/api/challenges/${c.id}/questions`));
    expect(managers).toMatchObject({ canAnswer: true });
    expect(managers.items.map((i) => i.id).sort()).toEqual([asked.id, anon.id].sort());
    expect(JSON.stringify(managers)).not.toContain("Кузнецов");

    // A plain member of another organization cannot answer; a manager answers; the answer is public.
    expectProblem(
      await maker.ownerC.put(`/api/challenges/${c.id}/questions/${asked.id}/answer`, {
        answer: "Ответ не от организатора",
        version: asked.version,
      }),
      404,
    );
    const answered = await ok<Q>(
      corp.ownerC.put(`/api/challenges/${c.id}/questions/${asked.id}/answer`, {
        answer: "Узлы учёта ВКТ-7 и ТВ7, доступ по M-Bus",
        version: asked.version,
      }),
    );
    const pub = await ok<QList>(guest.get(`/api/challenges/${c.id}/questions`));
    expect(pub).toMatchObject({ canAsk: false, canAnswer: false });
    expect(pub.items).toEqual([
      expect.objectContaining({
        id: asked.id,
        answer: "Узлы учёта ВКТ-7 и ТВ7, доступ по M-Bus",
        mine: false,
      }),
    ]);
    // A stale edit of the answer: 409 with the question as it is now.
    const stale = expectProblem(
      await corp.adminC.put(`/api/challenges/${c.id}/questions/${asked.id}/answer`, {
        answer: "Другая редакция ответа",
        version: asked.version,
      }),
      409,
      "challenge-question-changed",
    );
    expect((stale as unknown as { current: Q }).current.version).toBe(answered.version);
    // Hidden (abuse): gone for everyone but the managers.
    await ok<Q>(
      corp.ownerC.post(`/api/challenges/${c.id}/questions/${asked.id}/hide`, { version: answered.version }),
    );
    expect((await ok<QList>(guest.get(`/api/challenges/${c.id}/questions`))).items).toEqual([]);
    expect((await ok<QList>(corp.ownerC.get(`/api/challenges/${c.id}/questions`))).items).toHaveLength(2);
  });
});

describe("visibility and the NDA", () => {
  it("an NDA challenge's details and files: guests and readers without acceptance get the card, acceptance opens them once, managers always", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, {
      visibility: "nda",
      ndaRu: "Стороны обязуются не раскрывать сведения о сетях водоснабжения.",
      problemRu:
        "Гидроудары на магистралях водовода Западной станции выводят из строя задвижки каждый месяц.",
    });
    const file = await ok<{ id: string }>(
      upload(corp.ownerC, `/api/challenges/${c.id}/files`, PDF, "Схема.pdf"),
      201,
    );

    const asGuest = await ok<Page>(guest.get(`/api/challenges/${c.id}`));
    expect(asGuest).toMatchObject({ locked: "sign_in", problemRu: null, expectedResultRu: null, files: [] });
    expect(JSON.stringify(asGuest)).not.toContain("Гидроудары");
    const asReader = await ok<Page>(reader.get(`/api/challenges/${c.id}`));
    expect(asReader).toMatchObject({
      locked: "nda",
      problemRu: null,
      ndaRu: expect.stringContaining("Стороны"),
    });
    expectProblem(await guest.get(`/api/challenges/${c.id}/files/${file.id}`), 404);
    expectProblem(await reader.get(`/api/challenges/${c.id}/files/${file.id}`), 404);
    expect((await ok<QList>(reader.get(`/api/challenges/${c.id}/questions`))).canAsk).toBe(false);

    const manager = await ok<Page>(corp.adminC.get(`/api/challenges/${c.id}`));
    expect(manager).toMatchObject({ locked: null, files: [expect.objectContaining({ name: "Схема.pdf" })] });
    expect((await corp.adminC.get(`/api/challenges/${c.id}/files/${file.id}`)).statusCode).toBe(200);
    expect((await op.get(`/api/challenges/${c.id}/files/${file.id}`)).statusCode).toBe(200);

    expectProblem(await guest.post(`/api/challenges/${c.id}/nda`, { accept: true }), 401);
    const accepted = await ok<Page>(reader.post(`/api/challenges/${c.id}/nda`, { accept: true }));
    expect(accepted).toMatchObject({ locked: null, problemRu: expect.stringContaining("Гидроудары") });
    const again = await ok<Page>(reader.post(`/api/challenges/${c.id}/nda`, { accept: true }));
    expect(again.me.ndaAcceptedAt).toBe(accepted.me.ndaAcceptedAt);
    // A submission needs the NDA accepted by the one who submits.
    expectProblem(
      await maker.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(maker.org.id)),
      409,
      "challenge-nda-required",
    );
    const dl = await reader.get(`/api/challenges/${c.id}/files/${file.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers["content-type"]).toBe("application/pdf");
    // The guests' cached page still holds the card only.
    expect(JSON.stringify(await ok<Page>(guest.get(`/api/challenges/${c.id}`)))).not.toContain("Гидроудары");
  });

  it("a registered-only challenge: guests get the card, any signed-in reader the details", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id, { visibility: "registered" });
    expect(await ok<Page>(guest.get(`/api/challenges/${c.id}`))).toMatchObject({
      locked: "sign_in",
      problemRu: null,
      titleRu: "Снижение потерь тепла в жилых домах",
    });
    expect(await ok<Page>(reader.get(`/api/challenges/${c.id}`))).toMatchObject({ locked: null });
  });

  it("a public challenge's files are on its page for guests, at once after an upload", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    expect((await ok<Page>(guest.get(`/api/challenges/${c.id}`))).files).toEqual([]);
    const f = await ok<{ id: string }>(
      upload(corp.adminC, `/api/challenges/${c.id}/files`, PDF, "ТЗ.pdf"),
      201,
    );
    expect((await ok<Page>(guest.get(`/api/challenges/${c.id}`))).files).toEqual([
      expect.objectContaining({ id: f.id, name: "ТЗ.pdf" }),
    ]);
    expect((await guest.get(`/api/challenges/${c.id}/files/${f.id}`)).statusCode).toBe(200);
    expectProblem(await maker.ownerC.post(`/api/challenges/${c.id}/files`, {}), 404);
  });

  it("an NDA challenge needs its text", async () => {
    expectProblem(
      await corp.ownerC.post("/api/challenges", {
        ...challengeBody(corp.org.id),
        visibility: "nda",
      }),
      400,
    );
  });

  it("the catalog's search never finds a word of a hidden challenge's details", async () => {
    await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Контроль качества питьевой воды",
      visibility: "nda",
      ndaRu: "Соглашение о неразглашении сведений",
      problemRu: "Нужен экспресс-анализ хлорорганики на водозаборах без лаборатории, результат за 15 минут.",
    });
    const open = await openChallenge(corp.ownerC, op, corp.org.id, {
      titleRu: "Очистка стоков промышленных зон",
      problemRu:
        "Сброс хлорорганики в ливневую канализацию промзон требует непрерывного контроля на выпусках.",
    });
    const found = await ok<{ items: { id: string }[] }>(
      guest.get(`/api/challenges?q=${encodeURIComponent("хлорорганика")}`),
    );
    // Only the public challenge is found by a word of its problem; the NDA one's problem is not indexed.
    expect(found.items.map((i) => i.id)).toEqual([open.id]);
    const card = await ok<{ items: { titleRu: string }[] }>(
      guest.get(`/api/challenges?q=${encodeURIComponent("питьевая вода")}`),
    );
    expect(card.items.map((i) => i.titleRu)).toContain("Контроль качества питьевой воды");
  });
});

describe("files of submissions", () => {
  it("the submitter's side, the managers see a submission's files; another submitter gets 404", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const s = await ok<{ id: string }>(
      maker.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(maker.org.id)),
      201,
    );
    await ok(rival.memberC.post(`/api/challenges/${c.id}/submissions`, submissionBody(rival.org.id)), 201);
    const f = await ok<{ id: string; name: string }>(
      upload(maker.memberC, `/api/challenge-submissions/${s.id}/files`, PDF, "Презентация.pdf"),
      201,
    );
    expect(
      (await ok<{ items: { id: string }[] }>(maker.ownerC.get(`/api/challenge-submissions/${s.id}/files`)))
        .items,
    ).toEqual([expect.objectContaining({ id: f.id, name: "Презентация.pdf" })]);
    expect((await corp.adminC.get(`/api/challenge-submissions/${s.id}/files/${f.id}`)).statusCode).toBe(200);
    expectProblem(await rival.memberC.get(`/api/challenge-submissions/${s.id}/files/${f.id}`), 404);
    expectProblem(await rival.memberC.get(`/api/challenge-submissions/${s.id}/files`), 404);
    expectProblem(await upload(rival.memberC, `/api/challenge-submissions/${s.id}/files`, PDF, "x.pdf"), 404);
    expectProblem(await guest.get(`/api/challenge-submissions/${s.id}/files/${f.id}`), 401);
  });
});

describe("private clarifications", () => {
  it("an organization opens one conversation with the challenge's organization", async () => {
    const c = await openChallenge(corp.ownerC, op, corp.org.id);
    const a = await ok<{ conversationId: string }>(
      maker.memberC.post(`/api/challenges/${c.id}/clarification`, { organizationId: maker.org.id }),
    );
    const b = await ok<{ conversationId: string }>(
      maker.ownerC.post(`/api/challenges/${c.id}/clarification`, { organizationId: maker.org.id }),
    );
    expect(b.conversationId).toBe(a.conversationId);
    expect((await corp.ownerC.get(`/api/conversations/${a.conversationId}`)).statusCode).toBe(200);
    expectProblem(
      await reader.post(`/api/challenges/${c.id}/clarification`, { organizationId: maker.org.id }),
      400,
    );
  });
});
