/**
 * Looking an organization up in the state register (ЕГРЮЛ/ЕГРИП) by its INN, to fill the registration
 * form. Behind a provider interface: DaData's "party" API today (`findById/party`), off without a key.
 * The lookup only suggests values; the person checks them and the usual profile checks apply on save.
 */
import { LRUCache } from "lru-cache";
import { z } from "zod";
import {
  identifierError,
  isValidKpp,
  isValidOgrn,
  isValidOgrnip,
  isValidOkvedCode,
} from "../../../shared/identifiers.js";
import { isRegionCode } from "../../../shared/regions.js";
import type { Config } from "../../core/config.js";
import { AppError, badRequest } from "../../core/errors.js";
import type { RegistryParty as RegistryPartySchema } from "./organizations.contract.js";

/** What the register says about one organization or individual entrepreneur (values the form uses). */
export type RegistryParty = z.infer<typeof RegistryPartySchema>;

/** A state register; `null` when it has no such INN. Throws RegistryUnavailable on timeout or error. */
export interface RegistryProvider {
  readonly name: string;
  findByInn(inn: string): Promise<RegistryParty | null>;
}

export class RegistryUnavailable extends Error {}

// ---------- DaData ----------

const str = z.string().nullish();
/** The part of DaData's answer we read; everything else is ignored, any field may be missing. */
const DadataAnswer = z.object({
  suggestions: z.array(
    z.object({
      value: str,
      data: z
        .object({
          inn: str,
          kpp: str,
          ogrn: str,
          type: str,
          okved: str,
          name: z.object({ short_with_opf: str, full_with_opf: str }).nullish(),
          address: z
            .object({ value: str, data: z.object({ region_kladr_id: str, region_iso_code: str }).nullish() })
            .nullish(),
          state: z.object({ status: str }).nullish(),
        })
        .nullish(),
    }),
  ),
});
type DadataData = NonNullable<z.infer<typeof DadataAnswer>["suggestions"][number]["data"]>;

const STATES: Record<string, RegistryParty["state"]> = {
  ACTIVE: "active",
  LIQUIDATING: "liquidating",
  LIQUIDATED: "liquidated",
  BANKRUPT: "bankrupt",
  REORGANIZING: "reorganizing",
};

/** The KLADR region id starts with the region's two-digit code (7700000000000 → 77). */
function regionOf(kladrId: string | null | undefined): string | null {
  const code = kladrId?.slice(0, 2) ?? "";
  return /^\d{2}$/.test(code) && isRegionCode(code) ? code : null;
}

const clean = (v: string | null | undefined, max: number) => {
  const s = v?.trim().replace(/\s+/g, " ");
  return s ? s.slice(0, max) : null;
};

export function partyOf(inn: string, d: DadataData): RegistryParty | null {
  if (d.inn !== inn) return null;
  const kind = d.type === "INDIVIDUAL" || inn.length === 12 ? "individual" : "legal";
  const ogrn = d.ogrn && (kind === "legal" ? isValidOgrn(d.ogrn) : isValidOgrnip(d.ogrn)) ? d.ogrn : null;
  const fullName = clean(d.name?.full_with_opf, 500);
  const shortName = clean(d.name?.short_with_opf, 200) ?? fullName?.slice(0, 200) ?? null;
  if (!shortName || !fullName) return null;
  return {
    kind,
    inn,
    kpp: kind === "legal" && d.kpp && isValidKpp(d.kpp) ? d.kpp : null,
    ogrn,
    shortName,
    fullName,
    legalAddress: clean(d.address?.value, 500),
    regionCode: regionOf(d.address?.data?.region_kladr_id),
    okvedMain: d.okved && isValidOkvedCode(d.okved) ? d.okved : null,
    state: STATES[d.state?.status ?? ""] ?? "unknown",
  };
}

export class DadataRegistry implements RegistryProvider {
  readonly name = "dadata";
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly timeoutMs: number,
  ) {}

  async findByInn(inn: string): Promise<RegistryParty | null> {
    let body: unknown;
    try {
      const res = await fetch(`${this.baseUrl}/suggestions/api/4_1/rs/findById/party`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          authorization: `Token ${this.apiKey}`,
        },
        body: JSON.stringify({ query: inn, count: 1 }),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: "error",
      });
      if (!res.ok) throw new RegistryUnavailable(`HTTP ${res.status}`);
      body = await res.json();
    } catch (e) {
      throw e instanceof RegistryUnavailable ? e : new RegistryUnavailable(String(e));
    }
    const parsed = DadataAnswer.safeParse(body);
    if (!parsed.success) throw new RegistryUnavailable("unexpected answer");
    for (const s of parsed.data.suggestions) {
      const party = s.data ? partyOf(inn, s.data) : null;
      if (party) return party;
    }
    return null;
  }
}

/**
 * A provider's answers kept for a day (found or not found; failures are not kept): the register
 * changes slowly, a person typically looks the same INN up several times while registering, and every
 * call spends the operator's paid quota.
 */
export class CachedRegistry implements RegistryProvider {
  readonly name: string;
  private readonly answers = new LRUCache<string, { party: RegistryParty | null }>({
    max: 10_000,
    ttl: 24 * 3600 * 1000,
  });
  constructor(private readonly provider: RegistryProvider) {
    this.name = provider.name;
  }

  async findByInn(inn: string): Promise<RegistryParty | null> {
    const kept = this.answers.get(inn);
    if (kept) return kept.party;
    const party = await this.provider.findByInn(inn);
    this.answers.set(inn, { party });
    return party;
  }
}

/** The configured register (its answers kept for a day), or null when the lookup is off (no DADATA_API_KEY). */
export function registryOf(config: Config): RegistryProvider | null {
  const r = config.registry;
  return r ? new CachedRegistry(new DadataRegistry(r.url, r.apiKey, r.timeoutMs)) : null;
}

/**
 * Looks the INN up: a field error for an invalid INN, 404 `registry-off` when no register is
 * configured, 404 `registry-not-found`, and 424 `registry-unavailable` when the register did not
 * answer in time or failed (a 4xx: the form goes on without it).
 */
export async function lookUp(
  provider: RegistryProvider | null,
  inn: string,
  log: { warn(o: object, msg: string): void },
): Promise<RegistryParty> {
  if (!provider) throw new AppError(404, "registry-off");
  const e = identifierError("inn", inn);
  if (e)
    throw badRequest([
      e.reason === "digits"
        ? { field: "inn", key: "field.org.inn.digits-any" }
        : { field: "inn", key: `field.org.inn.${e.reason}` },
    ]);
  let party: RegistryParty | null;
  try {
    party = await provider.findByInn(inn);
  } catch (err) {
    log.warn({ provider: provider.name, err: String(err) }, "state register lookup failed");
    throw new AppError(424, "registry-unavailable");
  }
  if (!party) throw new AppError(404, "registry-not-found", { inn });
  return party;
}
