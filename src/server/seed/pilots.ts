import type { Seeder } from "../core/seed.js";
export const pilotsSeeder: Seeder = { name: "pilots", async run() {} } as never;
