import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../core/db.js";

/**
 * Migrates one database per run; every test file then starts from a copy of it:
 * a PGlite data-dir dump, or (TEST_DATABASE_URL set, `npm run test:pg`) a PostgreSQL template database.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const template = `ic_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await database.migrate();
    await database.close();
    project.provide("dbTemplate", { kind: "pg", serverUrl, template });
    return async () => {
      const left = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`ic_t_${process.pid}_%`],
      );
      for (const r of left.rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }
  const database = await openDatabase({});
  await database.migrate();
  const dump = await database.pglite!.dumpDataDir("none");
  const file = path.join(os.tmpdir(), `innocluster-template-${process.pid}.tar`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("dbTemplate", { kind: "pglite", file });
  return () => fs.rmSync(file, { force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pg"; serverUrl: string; template: string } | { kind: "pglite"; file: string };
  }
}
