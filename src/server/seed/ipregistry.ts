import { asc } from "drizzle-orm";
import type { IpObjectType } from "../../shared/listings.js";
import { childrenInput, type LeafData, leafBytes, leafInput, toHex } from "../../shared/merkle.js";
import type { SeedContext, Seeder } from "../core/seed.js";
import { publishTreeHead, sha256 } from "../modules/ipregistry/ipregistry.log.js";
import { ipDeposits, ipLogNodes } from "../modules/ipregistry/ipregistry.schema.js";
import { organizations } from "../modules/organizations/organizations.schema.js";
import { DEMO_USER_ORG, ownedOrganizations, verifiedMoscowParticipant } from "./organizations.js";

/*
 * Demo deposits of the IP registry: 30 (demo) or 100,000 (full) fingerprints of Moscow participants'
 * inventions, programs and databases over the past year, the first ones by the demo user's company; the
 * log's tree is computed in memory (every complete subtree) and written in batches, then one tree head
 * is signed (with IPLOG_SIGNING_KEY, else the database's key) — a head every 10% of the full log too,
 * so consistency proofs have heads to connect. Deterministic: no faker.
 */

const PLANS: [IpObjectType, string][] = [
  ["invention", "Способ очистки сточных вод от нефтепродуктов с применением сорбента на основе торфа"],
  ["software", "Программа для ЭВМ «Диспетчер городского электротранспорта»"],
  ["database", "База данных показателей качества воздуха на станциях мониторинга Москвы"],
  ["utility_model", "Полезная модель: датчик вибрации для мостовых конструкций"],
  ["invention", "Способ ранней диагностики сахарного диабета по анализу выдыхаемого воздуха"],
  ["software", "Программа для ЭВМ «Планировщик маршрутов уборочной техники»"],
  ["industrial_design", "Промышленный образец: корпус умного уличного светильника"],
  ["know_how", "Ноу-хау: технология напыления керамических покрытий на лопатки турбин"],
  ["software", "Программа для ЭВМ «Распознавание дефектов дорожного покрытия по видео»"],
  ["invention", "Способ получения биоразлагаемого пластика из отходов пищевой промышленности"],
  ["database", "База данных спектров композитных материалов"],
  ["utility_model", "Полезная модель: модуль зарядной станции для электросамокатов"],
  ["software", "Программа для ЭВМ «Цифровой двойник котельной»"],
  ["invention", "Нейросетевой способ прогнозирования пассажиропотока метрополитена"],
  ["know_how", "Ноу-хау: рецептура быстротвердеющего бетона для зимнего строительства"],
];
const SURNAMES = [
  "Иванов",
  "Смирнова",
  "Кузнецов",
  "Попова",
  "Соколов",
  "Лебедева",
  "Козлов",
  "Новикова",
  "Морозов",
  "Волкова",
  "Алексеев",
  "Зайцева",
];
const INITIALS = ["А. В.", "И. С.", "Д. М.", "Е. П.", "О. Н.", "М. А.", "С. Г.", "Т. Ю."];

const YEAR = 365 * 24 * 3600_000;

function authorsOf(i: number): string[] {
  return Array.from({ length: 1 + (i % 3) }, (_, k) => {
    const j = i * 7 + k * 5;
    return `${SURNAMES[j % SURNAMES.length]} ${INITIALS[(j >> 1) % INITIALS.length]}`;
  });
}

export const ipregistrySeeder: Seeder = {
  name: "ipregistry",
  async run({ db, scale, progress }: SeedContext) {
    const holders = await ownedOrganizations(db)
      .where(verifiedMoscowParticipant())
      .orderBy(asc(organizations.inn))
      .limit(60);
    const all = await db
      .select({
        id: organizations.id,
        shortName: organizations.shortName,
        inn: organizations.inn,
        status: organizations.status,
      })
      .from(organizations);
    const demo = all.find((o) => o.shortName === DEMO_USER_ORG && o.status === "participant");
    const byId = new Map(all.map((o) => [o.id, o]));
    const orgs = [
      ...(demo ? [{ id: demo.id, owner: null as string | null }] : []),
      ...holders.map((h) => ({ id: h.id, owner: h.owner as string | null })),
    ];
    if (!orgs.length) return;
    const total = scale === "full" ? 100_000 : 30;
    const start = Date.now() - YEAR;
    // Every complete subtree's hash, level by level (the frontier of the last incomplete subtrees).
    const frontier: Uint8Array[] = [];
    let nodes: { level: number; index: number; hash: string }[] = [];
    let rows: (typeof ipDeposits.$inferInsert)[] = [];
    const flush = async () => {
      if (rows.length) await db.insert(ipDeposits).values(rows);
      for (let i = 0; i < nodes.length; i += 2000)
        await db.insert(ipLogNodes).values(nodes.slice(i, i + 2000));
      rows = [];
      nodes = [];
    };
    for (let i = 0; i < total; i++) {
      const org = orgs[demo && i < 4 ? 0 : i % orgs.length]!;
      const o = byId.get(org.id)!;
      const [type, base] = PLANS[i % PLANS.length]!;
      const leaf: LeafData & { type: IpObjectType } = {
        fileSha256: toHex(sha256(new TextEncoder().encode(`innocluster demo file ${i}`))),
        title: i < PLANS.length ? base : `${base} (вариант ${Math.floor(i / PLANS.length) + 1})`,
        type,
        holderInn: o.inn ?? "",
        holderName: o.shortName,
        authors: authorsOf(i),
        timestamp: new Date(start + Math.floor(((i + 1) * (YEAR - 3600_000)) / total)).toISOString(),
      };
      let h = sha256(leafInput(leafBytes(leaf)));
      rows.push({
        ...leaf,
        leafIndex: i,
        leafHash: toHex(h),
        organizationId: org.id,
        depositorId: org.owner,
      });
      nodes.push({ level: 0, index: i, hash: toHex(h) });
      const size = i + 1;
      for (let level = 0; size % 2 ** (level + 1) === 0; level++) {
        h = sha256(childrenInput(frontier[level]!, h));
        nodes.push({ level: level + 1, index: size / 2 ** (level + 1) - 1, hash: toHex(h) });
      }
      // The complete subtree ending here at the lowest level not closed is the next left sibling.
      let level = 0;
      while (size % 2 ** (level + 1) === 0) level++;
      frontier[level] = h;
      if (rows.length >= 1000) await flush();
      if (total >= 1000 && size % (total / 10) === 0) {
        await flush();
        await publishTreeHead(db, { ipLogSigningKey: process.env.IPLOG_SIGNING_KEY || undefined });
        progress("ip deposits", size, total);
      }
    }
    await flush();
    await publishTreeHead(db, { ipLogSigningKey: process.env.IPLOG_SIGNING_KEY || undefined });
  },
};
