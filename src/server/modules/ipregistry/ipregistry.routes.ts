import { IdParams } from "../../core/contract.js";
import { notFound } from "../../core/errors.js";
import { routes } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import {
  ConsistencyProof,
  ConsistencyQuery,
  Deposit,
  DepositBody,
  DepositsPage,
  HeadsQuery,
  LogKey,
  MineQuery,
  Receipt,
  RegisterPage,
  RegisterQuery,
  TreeHead,
  TreeHeadsPage,
} from "./ipregistry.contract.js";
import { latestHead } from "./ipregistry.log.js";
import * as svc from "./ipregistry.service.js";

/**
 * Deposits and receipts need a signed-in member of the organization (404 to others); the register,
 * the tree heads, consistency proofs and the key are public (monitors and verifiers need no account).
 */
const action = "ipregistry.deposit";

export const ipregistryRoutes = routes(["ipregistry"], (r) => {
  auditRefusals(r.app);

  r.post("/ipregistry/deposits", {
    action,
    summary:
      "Deposit an object's fingerprint (the file's SHA-256) for an organization that is a cluster participant",
    rateLimit: { max: 120, timeWindow: "1 hour" },
    body: DepositBody,
    response: Deposit,
    status: 201,
    handler: (ctx, { body }) => svc.deposit(ctx, body),
  });

  r.get("/ipregistry/deposits/mine", {
    action,
    summary: "The deposits of the reader's organizations, newest first",
    query: MineQuery,
    response: DepositsPage,
    handler: (ctx, { query }) => svc.myDeposits(ctx, query),
  });

  r.get("/ipregistry/deposits/:id/receipt", {
    action,
    summary: "A deposit's receipt: the leaf, its index, a signed tree head and the inclusion proof",
    params: IdParams,
    response: Receipt,
    noStore: true,
    handler: (ctx, { params }) => svc.receipt(ctx, params.id),
  });

  r.get("/public/iplog/register", {
    action: "public",
    summary: "The public register of deposits (title, holder, date; never the file), with Russian search",
    query: RegisterQuery,
    response: RegisterPage,
    handler: (ctx, { query }) => svc.register(ctx.db, query),
  });

  r.get("/public/iplog/tree-heads", {
    action: "public",
    summary: "The log's signed tree heads, newest first",
    query: HeadsQuery,
    response: TreeHeadsPage,
    handler: (ctx, { query }) => svc.treeHeads(ctx.db, query),
  });

  r.get("/public/iplog/tree-heads/latest", {
    action: "public",
    summary: "The latest signed tree head (404 while the log is empty)",
    response: TreeHead,
    handler: async (ctx) => {
      const h = await latestHead(ctx.db);
      if (!h) throw notFound();
      return h;
    },
  });

  r.get("/public/iplog/consistency", {
    action: "public",
    summary: "The consistency proof (RFC 9162 §2.1.4) between two published tree heads",
    query: ConsistencyQuery,
    response: ConsistencyProof,
    handler: (ctx, { query }) => svc.consistency(ctx.db, query),
  });

  r.get("/public/iplog/key", {
    action: "public",
    summary: "The log's Ed25519 public key (JWK), also at /.well-known/innocluster-log-key",
    response: LogKey,
    handler: (ctx) => svc.logKey(ctx),
  });
});
