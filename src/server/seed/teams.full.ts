// The full-scale teams (`--scale full`): 300 teams of 1–10 people beside the demo's two — students' and
// hackathon teams of the universities that enter the city's challenges, a quarter tied to an organization
// (its captain is that organization's owner, as the team module requires to tie it). Members are plain
// users (no organization's owner) not in another team. Deterministic: a PRNG of its own with a fixed seed (no faker). Idempotent:
// skipped when the teams are already there (the benchmark tops up a database seeded before).

import { sql } from "drizzle-orm";
import { TEAM_MAX } from "../../shared/teams.js";
import { rows } from "../core/db.js";
import type { SeedContext } from "../core/seed.js";
import { teamMembers, teams } from "../modules/challenges/challenges.teams.schema.js";
import { insertBatches, mulberry32, Random } from "./organizations.js";

const DAY = 24 * 3600_000;

export const FULL_TEAMS = 300;

const WORDS = [
  "Тензор",
  "Вектор",
  "Квант",
  "Синергия",
  "Полярис",
  "Гелиос",
  "Ноосфера",
  "Нейрон",
  "Пиксель",
  "Градиент",
  "Сигма",
  "Эвристика",
  "Меридиан",
  "Импульс",
  "Орбита",
  "Кибергород",
  "Датаград",
  "Умный двор",
  "Зелёная волна",
  "Точка роста",
  "Северный ветер",
  "Сенсорика",
  "Автопилот",
  "Городские данные",
  "Открытый код",
  "Лаборатория 404",
  "Тёплый дом",
  "Чистый воздух",
];
const SCHOOLS: [string, string][] = [
  ["МФТИ", "Студенты и аспиранты МФТИ"],
  ["ВШЭ", "Студенты факультета компьютерных наук НИУ ВШЭ"],
  ["Бауманка", "Студенты МГТУ им. Н. Э. Баумана"],
  ["МИСИС", "Студенты НИТУ МИСИС"],
  ["МИРЭА", "Студенты РТУ МИРЭА"],
  ["МИЭТ", "Студенты и выпускники МИЭТ из Зеленограда"],
  ["МЭИ", "Студенты НИУ «МЭИ»"],
  ["Сколтех", "Исследователи Сколтеха"],
  ["МГУ", "Студенты ВМК МГУ им. М. В. Ломоносова"],
  ["Политех", "Студенты Московского политехнического университета"],
];
const FOCUS = [
  "компьютерное зрение для городской среды",
  "мобильные сервисы для жителей",
  "анализ данных о транспорте и пассажиропотоке",
  "датчики качества воздуха и шума",
  "медицинские сервисы на основе машинного обучения",
  "робототехника и беспилотные системы",
  "цифровые двойники зданий и кварталов",
  "энергоэффективность в ЖКХ",
  "образовательные платформы и тренажёры",
  "промышленный интернет вещей",
];

type Person = { id: string };
type Captain = { id: string; org: string; name: string };

export function fullTeams(seed: number, now: number, people: Person[], captains: Captain[]) {
  const r = new Random(mulberry32(seed));
  const out: (typeof teams.$inferInsert & { id: string })[] = [];
  const members: (typeof teamMembers.$inferInsert)[] = [];
  const names = new Set<string>();
  let next = 0;
  let nextCaptain = 0;
  for (let i = 0; i < FULL_TEAMS; i++) {
    const size = r.weighted<number>([
      [1, 4],
      [2, 10],
      [3, 22],
      [4, 24],
      [5, 18],
      [6, 10],
      [7, 5],
      [8, 3],
      [9, 2],
      [TEAM_MAX, 2],
    ]);
    const tied = r.chance(0.25) && nextCaptain < captains.length ? captains[nextCaptain++]! : null;
    const crew = people.slice(next, next + size - (tied ? 1 : 0)).map((p) => p.id);
    next += crew.length;
    const captain = tied?.id ?? crew[0];
    if (!captain) break;
    const [school, who] = r.pick(SCHOOLS);
    let name = tied ? `${r.pick(WORDS)} (${tied.name})` : `${r.pick(WORDS)} (${school})`;
    for (let k = 2; names.has(name); k++) name = `${name.replace(/ \d+$/, "")} ${k}`;
    names.add(name);
    const id = r.uuid();
    const created = new Date(now - r.int(10, 700) * DAY);
    out.push({
      id,
      name,
      description: tied ? `Проектная команда ${tied.name}: ${r.pick(FOCUS)}.` : `${who}: ${r.pick(FOCUS)}.`,
      captainId: captain,
      organizationId: tied?.org ?? null,
      createdAt: created,
      updatedAt: created,
    });
    for (const userId of tied ? [tied.id, ...crew] : crew)
      members.push({ teamId: id, userId, createdAt: created });
  }
  return { teams: out, members };
}

/** Adds the full scale's teams; nothing when they are there already. */
export async function seedFullTeams(ctx: SeedContext) {
  const { db } = ctx;
  const [have] = await rows<{ n: number }>(db, sql`select count(*)::int as n from teams`);
  if ((have?.n ?? 0) >= FULL_TEAMS) return;
  const people = await rows<Person>(
    db,
    sql`select id from users where role = 'user' and email not like '%@innocluster.demo'
          and id not in (select user_id from team_members) and id not in (select user_id from memberships where role = 'owner')
        order by email limit ${FULL_TEAMS * TEAM_MAX}`,
  );
  const captains = await rows<Captain>(
    db,
    sql`select m.user_id as id, o.id as org, o.short_name as name from organizations o
        join memberships m on m.organization_id = o.id and m.role = 'owner'
        join users u on u.id = m.user_id and u.role = 'user' and u.email not like '%@innocluster.demo'
        where o.type = 'legal_entity' and o.verified_at is not null and o.region_code = '77'
          and m.user_id not in (select user_id from team_members)
        order by o.inn desc, o.id limit ${FULL_TEAMS}`,
  );
  const generated = fullTeams(20261209, Date.now(), people, captains);
  await insertBatches(ctx, "teams", generated.teams, (b) => db.insert(teams).values(b));
  await insertBatches(ctx, "team members", generated.members, (b) => db.insert(teamMembers).values(b));
  for (const t of ["teams", "team_members"]) await db.execute(sql.raw(`analyze ${t}`));
}
