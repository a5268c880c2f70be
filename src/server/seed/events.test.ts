import { fakerRU } from "@faker-js/faker";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, rows } from "../core/db.js";
import { testDatabase } from "../test/helpers.js";
import { seedFullEvents } from "./events.js";
import { seed } from "./index.js";

let database: Database;

beforeAll(async () => {
  database = await testDatabase();
  await seed(database.db, "demo");
});
afterAll(() => database.close());

type Counted = {
  id: string;
  title: string;
  state: string;
  capacity: number | null;
  taken: number;
  waitlist: number;
  past: boolean;
};
const counted = () =>
  rows<Counted>(
    database.db,
    sql`select e.id, e.title_ru as title, e.state::text as state, e.capacity, e.ends_at < now() as past,
          (select count(*) from event_registrations g where g.event_id = e.id and g.state in ('registered', 'selected'))::int as taken,
          (select count(*) from event_registrations g where g.event_id = e.id and g.state = 'waitlisted')::int as waitlist
        from events e order by e.starts_at`,
  );

describe("demo events", () => {
  it("20 events, past and coming, none over capacity, one full with a waitlist the demo user is on", async () => {
    const list = await counted();
    expect(list).toHaveLength(20);
    expect(list.filter((e) => e.past).length).toBeGreaterThanOrEqual(5);
    expect(list.filter((e) => !e.past).length).toBeGreaterThanOrEqual(10);
    for (const e of list) if (e.capacity !== null) expect(e.taken, e.title).toBeLessThanOrEqual(e.capacity);
    const full = list.filter((e) => e.capacity !== null && e.taken === e.capacity && e.waitlist > 0);
    expect(full.map((e) => e.title)).toEqual(["Демо-день акселератора кластера"]);
    const [demo] = await rows<{ state: string }>(
      database.db,
      sql`select g.state::text as state from event_registrations g join users u on u.id = g.user_id
          where u.email = 'user@innocluster.demo' and g.event_id = ${full[0]!.id}`,
    );
    expect(demo?.state).toBe("waitlisted");
    expect(list.some((e) => /ОАЭ/.test(e.title))).toBe(true);
  });

  it("the full scale's bulk part adds events and their registrations in one go, within capacity", async () => {
    const t0 = Date.now();
    await seedFullEvents(
      { db: database.db, scale: "full", passwordHash: "", faker: fakerRU, progress: () => {} },
      120,
      10,
    );
    const list = await counted();
    expect(list).toHaveLength(120);
    const added = list.filter((e) => e.taken === 10);
    expect(added.length).toBeGreaterThanOrEqual(100);
    for (const e of list) if (e.capacity !== null) expect(e.taken).toBeLessThanOrEqual(e.capacity);
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
