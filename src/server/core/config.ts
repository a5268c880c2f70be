import { createPrivateKey } from "node:crypto";
import { BlockList, isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import type { StorageConfig } from "./storage.js";

const DEFAULT_SECRET = "innocluster-development-secret-change-me";

/**
 * Which peers may tell the client's address in X-Forwarded-For: none (false), the nearest n proxies
 * (a hop count), or the proxies at these addresses and ranges. Never "any peer": a client could then
 * write its own address.
 */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [addr = "", bits, ...rest] = entry.split("/");
  const family = isIP(addr);
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY's value, or a sentence saying what is wrong with it. */
function parseTrustProxy(v: string | undefined): TrustProxy | string {
  if (v === undefined || v === "false" || v === "0") return false;
  if (v === "true")
    return "true would believe any client's own X-Forwarded-For; write the number of proxies in front of the app (e.g. 1) or their addresses (e.g. 10.0.0.0/8,127.0.0.1)";
  if (/^\d+$/.test(v)) return Number(v) <= 10 ? Number(v) : "a hop count is at most 10";
  const entries = v.split(",").map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length)
    return `not an address or range: ${bad.join(", ")} (write a hop count such as 1, or addresses and CIDR ranges separated by commas)`;
  return entries;
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").default(DEFAULT_SECRET),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Иннокластер <no-reply@innocluster.local>"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SEED: z.enum(["auto", "never"]).default("auto"),
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, ctx): TrustProxy => {
      const r = parseTrustProxy(v);
      if (typeof r === "string") {
        ctx.addIssue({ code: "custom", message: r });
        return z.NEVER;
      }
      return r;
    }),
  RATE_LIMIT: z.enum(["on", "off"]).default("on"),
  RATE_LIMIT_STORE: z.enum(["memory", "database"]).optional(),
  DEV_MAILBOX: z.enum(["on", "off"]).optional(),
  METRICS_TOKEN: z.string().min(24, "must be at least 24 characters").optional(),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["on", "off"]).default("on"),
  DADATA_API_KEY: z.string().min(8).max(200).optional(),
  DADATA_URL: z.url({ protocol: /^https?$/ }).default("https://suggestions.dadata.ru"),
  DADATA_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(4000),
  IPLOG_SIGNING_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/=\s]{60,200}$/, "must be an Ed25519 private key, PKCS#8 DER in base64")
    // parsed here, so a public key or a truncated one stops the start instead of every receipt later
    .refine(isEd25519PrivateKey, "must be an Ed25519 private key, PKCS#8 DER in base64")
    .optional(),
});

function isEd25519PrivateKey(base64: string): boolean {
  try {
    const der = Buffer.from(base64.replace(/\s/g, ""), "base64");
    return createPrivateKey({ key: der, format: "der", type: "pkcs8" }).asymmetricKeyType === "ed25519";
  } catch {
    return false;
  }
}

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Whether an address (a socket peer, or HOST) is this machine's loopback: 127.0.0.0/8, ::1, localhost. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === "localhost") return true;
  const a = address.replace(/^::ffff:/i, "");
  const family = isIP(a);
  return family !== 0 && loopback.check(a, family === 4 ? "ipv4" : "ipv6");
}

export type Config = {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sessionSecret: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  seed: "auto" | "never";
  trustProxy: TrustProxy;
  rateLimit: boolean;
  /**
   * Where the limits count: in the database, shared by every app server (the default with
   * DATABASE_URL), or in this process's memory (the default on PGlite, which only one process opens).
   */
  rateLimitStore: "memory" | "database";
  secureCookies: boolean;
  /** The development mailbox over the outbox (`/dev/mail`); never in production. */
  devMailbox: boolean;
  /** Bearer token for `/metrics`; without it, /metrics is open outside production and absent in it. */
  metricsToken: string | undefined;
  /** File contents: DATA_DIR/files on disk, or an S3-compatible bucket when S3_BUCKET is set. */
  storage: StorageConfig;
  /** The state-register lookup for registration forms (DaData "party"); null without DADATA_API_KEY. */
  registry: { url: string; apiKey: string; timeoutMs: number } | null;
  /**
   * The IP registry log's Ed25519 signing key (PKCS#8 DER, base64); required in production. Unset (a
   * development server — `npm start` without NODE_ENV —, tests, demos): a key generated on first use and
   * kept in the database.
   */
  ipLogSigningKey: string | undefined;
};

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production") {
    const problems: string[] = [];
    if (e.SESSION_SECRET === DEFAULT_SECRET) problems.push("  SESSION_SECRET: set a secret of your own");
    if (!e.PUBLIC_URL) problems.push("  PUBLIC_URL: required in production (links in e-mails)");
    if (!e.IPLOG_SIGNING_KEY)
      problems.push(
        "  IPLOG_SIGNING_KEY: required in production (the IP registry log's Ed25519 key, PKCS#8 DER in base64; README › Configuration says how to make one) — a key kept in the database could be used by anyone who reads it",
      );
    if (e.DEV_MAILBOX === "on")
      problems.push(
        "  DEV_MAILBOX: the development mailbox shows live tokens; it cannot be on in production",
      );
    if (problems.length) throw new ConfigError(`Refusing to start in production:\n${problems.join("\n")}`);
  }
  if (e.S3_BUCKET && !(e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY))
    throw new ConfigError(
      "Invalid configuration:\n  S3_BUCKET: set S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY with it",
    );
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    seed: e.SEED,
    trustProxy: e.TRUST_PROXY,
    rateLimit: e.RATE_LIMIT === "on",
    rateLimitStore: e.RATE_LIMIT_STORE ?? (e.DATABASE_URL ? "database" : "memory"),
    secureCookies: publicUrl.startsWith("https://"),
    metricsToken: e.METRICS_TOKEN,
    ipLogSigningKey: e.IPLOG_SIGNING_KEY,
    registry: e.DADATA_API_KEY
      ? { url: e.DADATA_URL.replace(/\/+$/, ""), apiKey: e.DADATA_API_KEY, timeoutMs: e.DADATA_TIMEOUT_MS }
      : null,
    storage:
      e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? {
            kind: "s3",
            bucket: e.S3_BUCKET,
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE === "on",
          }
        : { kind: "disk", location: path.join(path.resolve(e.DATA_DIR), "files") },
    // Unset: on only for a development server without SMTP that listens on loopback alone and trusts
    // no proxy (behind a proxy on the same machine every visitor's socket peer is loopback).
    devMailbox:
      e.NODE_ENV !== "production" &&
      (e.DEV_MAILBOX ? e.DEV_MAILBOX === "on" : !e.SMTP_URL && isLoopback(e.HOST) && e.TRUST_PROXY === false),
  };
}
