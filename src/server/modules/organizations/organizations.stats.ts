import { count } from "drizzle-orm";
import type { Db } from "../../core/db.js";
import { organizations } from "./organizations.schema.js";

/** Organizations registered on the platform, for the public "cluster in numbers". */
export async function countOrganizations(db: Db) {
  const [r] = await db.select({ n: count() }).from(organizations);
  return r?.n ?? 0;
}
