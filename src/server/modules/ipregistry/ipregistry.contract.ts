// The IP registry's request/response schemas. The receipt is src/shared/merkle.ts's `Receipt`, the one
// format the server writes and the verifiers (web page, scripts/innocluster-verify.mjs) read.
import { z } from "zod";
import { IP_OBJECT_TYPES } from "../../../shared/listings.js";
import { RECEIPT_FORMAT } from "../../../shared/merkle.js";
import { SafeText } from "../../../shared/text.js";
import { Page, PageSize } from "../../core/contract.js";

const Hex32 = z
  .string()
  .transform((s) => s.trim().toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, { error: "field.ipregistry.sha256" }));
const Size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

// ---------- inputs ----------

export const DepositBody = z
  .object({
    /** The right holder: an organization of the depositor's, a cluster participant. */
    organizationId: z.uuid(),
    title: SafeText(3, 300),
    type: z.enum(IP_OBJECT_TYPES),
    authors: z.array(SafeText(2, 200)).min(1).max(30),
    /** SHA-256 of the file, computed in the browser (the file is never sent). */
    fileSha256: Hex32,
  })
  .strict();

export const MineQuery = z.object({ page: Page, pageSize: PageSize }).strict();
export const RegisterQuery = z
  .object({ q: z.string().trim().max(200).optional(), page: Page, pageSize: PageSize })
  .strict();
export const HeadsQuery = z.object({ page: Page, pageSize: PageSize }).strict();
export const ConsistencyQuery = z.object({ first: Size, second: Size }).strict();

// ---------- outputs ----------

export const LeafData = z
  .object({
    fileSha256: z.string(),
    title: z.string(),
    type: z.string(),
    holderInn: z.string(),
    holderName: z.string(),
    authors: z.array(z.string()),
    timestamp: z.string(),
  })
  .meta({ id: "IpLeafData" });

export const Deposit = z
  .object({
    id: z.uuid(),
    leafIndex: z.number().int(),
    organizationId: z.uuid().nullable(),
    fileSha256: z.string(),
    title: z.string(),
    type: z.enum(IP_OBJECT_TYPES),
    holderInn: z.string(),
    holderName: z.string(),
    authors: z.array(z.string()),
    timestamp: z.string(),
  })
  .meta({ id: "IpDeposit" });
export const DepositsPage = z.object({ items: z.array(Deposit), total: z.number().int() });

export const RegisterEntry = z
  .object({
    id: z.uuid(),
    leafIndex: z.number().int(),
    title: z.string(),
    type: z.enum(IP_OBJECT_TYPES),
    holderName: z.string(),
    holderInn: z.string(),
    timestamp: z.string(),
  })
  .meta({ id: "IpRegisterEntry" });
export const RegisterPage = z.object({ items: z.array(RegisterEntry), total: z.number().int() });

export const TreeHead = z
  .object({
    treeSize: z.number().int(),
    rootHash: z.string(),
    timestamp: z.number().int(),
    signature: z.string(),
  })
  .meta({ id: "IpTreeHead" });
export const TreeHeadsPage = z.object({ items: z.array(TreeHead), total: z.number().int() });

export const Receipt = z
  .object({
    format: z.literal(RECEIPT_FORMAT),
    logKeyUrl: z.string(),
    leaf: LeafData,
    leafIndex: z.number().int(),
    treeHead: TreeHead,
    inclusionProof: z.array(z.string()),
  })
  .meta({ id: "IpReceipt" });

export const ConsistencyProof = z
  .object({ first: z.number().int(), second: z.number().int(), proof: z.array(z.string()) })
  .meta({ id: "IpConsistencyProof" });

export const LogKey = z
  .object({ kty: z.literal("OKP"), crv: z.literal("Ed25519"), x: z.string(), kid: z.string() })
  .meta({ id: "IpLogKey" });
