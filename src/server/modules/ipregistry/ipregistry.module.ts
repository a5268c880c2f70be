import { defineModule } from "../../core/module.js";
import { ipregistrySeeder } from "../../seed/ipregistry.js";
import { publishTreeHead } from "./ipregistry.log.js";
import { ipregistryPersonalData } from "./ipregistry.personal.js";
import { IPREGISTRY_RULES } from "./ipregistry.policy.js";
import { ipregistryRoutes } from "./ipregistry.routes.js";

/**
 * The IP registry (депонирование) on a verifiable append-only log in the manner of Certificate
 * Transparency (RFC 9162): deposits are leaves of a Merkle tree in PostgreSQL (ipregistry.log.ts,
 * src/shared/merkle.ts), signed tree heads (Ed25519) every minute when the log grew, receipts with
 * inclusion proofs, consistency proofs between tree heads, the public register.
 */
export const ipregistryModule = defineModule({
  name: "ipregistry",
  routes: [ipregistryRoutes],
  rules: IPREGISTRY_RULES,
  seed: ipregistrySeeder,
  personalData: ipregistryPersonalData,
  jobs: [
    {
      name: "ipregistry.tree-head",
      cron: "* * * * *",
      run: async ({ db, config }) => ((await publishTreeHead(db, config)) ? 1 : 0),
    },
  ],
});
