import type { fakerRU } from "@faker-js/faker";
import type { Db } from "./db.js";
import type { Storage } from "./storage.js";

export type Scale = "demo" | "full";

/** What a module's seeder gets (src/server/seed/index.ts runs them in the manifests' order). */
export interface SeedContext {
  db: Db;
  scale: Scale;
  /** Argon2id hash of the demo password, computed once for every seeded account. */
  passwordHash: string;
  /** One seeded generator shared in order: a seeder that draws from it shifts every later one's data. */
  faker: typeof fakerRU;
  progress: (label: string, done: number, total: number) => void;
  /** Where seeded files go (conversation attachments); without it the seed attaches no files. */
  storage?: Storage;
}

/** A module's part of the demo and full-scale data, named in its manifest (`seed`). */
export interface Seeder {
  name: string;
  run(ctx: SeedContext): Promise<void>;
}
