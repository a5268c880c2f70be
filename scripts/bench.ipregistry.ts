// The IP registry's log at full scale, for `npm run bench` (issue 15): appending a deposit and producing
// its inclusion proof at 100,000 leaves (aim: p50 ≤ 10 ms). Each run is one transaction — the log's
// lock, the size, the left siblings, the leaf's and completed subtrees' nodes, the deposit row, then
// the proof's nodes in one query and the fold — rolled back at the end, so the database stays as seeded.
import type { Db } from "../src/server/core/db.js";
import type { SeedContext } from "../src/server/core/seed.js";
import { appendLeaf, inclusionProof, logSize } from "../src/server/modules/ipregistry/ipregistry.log.js";
import { ipDeposits } from "../src/server/modules/ipregistry/ipregistry.schema.js";
import { ipregistrySeeder } from "../src/server/seed/ipregistry.js";

export const IPLOG_CASE = "IP registry: append a deposit and its inclusion proof (100,000 leaves)";

class Rollback extends Error {}

const p = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export async function ipLogCase(db: Db, runs = 200): Promise<string[]> {
  // A full database seeded before the registry existed gets its 100,000 deposits (once).
  if ((await logSize(db)) === 0)
    await ipregistrySeeder.run({ db, scale: "full", progress: () => {} } as unknown as SeedContext);
  const size = await logSize(db);
  const ms: number[] = [];
  let proofLength = 0;
  for (let i = 0; i < runs; i++) {
    const leaf = {
      fileSha256: (i + 1).toString(16).padStart(64, "0"),
      title: `Бенчмарк: программа для ЭВМ ${i}`,
      type: "software" as const,
      holderInn: "7701234567",
      holderName: "ООО «Бенчмарк»",
      authors: ["Иванов И. И."],
      timestamp: new Date().toISOString(),
    };
    const t0 = performance.now();
    await db
      .transaction(async (tx) => {
        const { leafIndex, leafHash } = await appendLeaf(tx, () => leaf);
        await tx.insert(ipDeposits).values({ ...leaf, leafIndex, leafHash });
        proofLength = (await inclusionProof(tx, leafIndex, leafIndex + 1)).length;
        ms.push(performance.now() - t0);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  }
  ms.sort((a, b) => a - b);
  return [
    `  ${size.toLocaleString("en")} leaves, ${runs} runs (each rolled back), proofs of ${proofLength} hashes`,
    `  p50 ${p(ms, 0.5).toFixed(2)} ms, p95 ${p(ms, 0.95).toFixed(2)} ms (aim: p50 ≤ 10 ms)`,
  ];
}
