// `npm run test:pg`: the same unit and API suite against a PostgreSQL server, and the tests that need
// one (`*.pg.test.ts`: a database outage, several app servers on one database).
// TEST_DATABASE_URL names a database to connect to for creating the per-file databases
// (default: the local server's `postgres` database, as on the developers' machines and CI).
import { spawnSync } from "node:child_process";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query("show server_version");
  console.log(`test:pg — PostgreSQL ${rows[0].server_version} at ${url.replace(/:[^:@/]*@/, ":***@")}`);
  await client.end();
} catch (err) {
  console.error(`test:pg — cannot reach PostgreSQL at ${url}: ${err.message}`);
  console.error("Start the server or set TEST_DATABASE_URL=postgres://user@host:port/db");
  process.exit(1);
}
const r = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--project", "unit", "--project", "pg", ...process.argv.slice(2)],
  {
    stdio: "inherit",
    env: { ...process.env, TEST_DATABASE_URL: url },
  },
);
process.exit(r.status ?? 1);
