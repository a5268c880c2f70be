import { createPrivateKey, createPublicKey } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newSigningKey } from "../modules/ipregistry/ipregistry.log.js";
import { ConfigError, loadConfig } from "./config.js";

const SECRET = "s".repeat(40);
const LOG_KEY = newSigningKey();
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error("loadConfig accepted the configuration");
};

describe("loadConfig", () => {
  it("starts with sensible defaults from an empty environment", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      env: "development",
      host: "127.0.0.1",
      port: 3000,
      publicUrl: "http://localhost:3000",
      databaseUrl: undefined,
      dataDir: path.resolve("./data"),
      seed: "auto",
      trustProxy: false,
      rateLimit: true,
      secureCookies: false,
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ PORT: "", PUBLIC_URL: "", SESSION_SECRET: "" }).port).toBe(3000);
  });

  it("names PORT when it is not a port number", () => {
    for (const PORT of ["abc", "70000", "-1", "80.5"]) {
      const msg = refusal({ PORT });
      expect(msg).toMatch(/^Invalid configuration:/);
      expect(msg).toMatch(/\bPORT:/);
    }
  });

  it("names every bad variable at once", () => {
    const msg = refusal({
      PORT: "x",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://db/x",
      SMTP_URL: "http://mail",
      SESSION_SECRET: "short",
      PUBLIC_URL: "ftp://example.ru",
    });
    for (const name of ["PORT", "LOG_LEVEL", "DATABASE_URL", "SMTP_URL", "SESSION_SECRET", "PUBLIC_URL"]) {
      expect(msg).toMatch(new RegExp(`\\b${name}:`));
    }
  });

  it("refuses production with the default session secret", () => {
    const msg = refusal({
      NODE_ENV: "production",
      PUBLIC_URL: "https://cluster.example.ru",
      IPLOG_SIGNING_KEY: LOG_KEY,
    });
    expect(msg).toMatch(/^Refusing to start in production/);
    expect(msg).toMatch(/SESSION_SECRET/);
    expect(msg).not.toMatch(/PUBLIC_URL/);
  });

  it("refuses production without PUBLIC_URL", () => {
    const msg = refusal({ NODE_ENV: "production", SESSION_SECRET: SECRET, IPLOG_SIGNING_KEY: LOG_KEY });
    expect(msg).toMatch(/^Refusing to start in production/);
    expect(msg).toMatch(/PUBLIC_URL/);
    expect(msg).not.toMatch(/SESSION_SECRET/);
  });

  it("names every production problem together", () => {
    const msg = refusal({ NODE_ENV: "production" });
    expect(msg).toMatch(/SESSION_SECRET/);
    expect(msg).toMatch(/PUBLIC_URL/);
    expect(msg).toMatch(/IPLOG_SIGNING_KEY/);
  });

  it("refuses production without the IP log's signing key, saying what it is; elsewhere the key is optional", () => {
    const msg = refusal({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      PUBLIC_URL: "https://cluster.example.ru",
    });
    expect(msg).toMatch(/^Refusing to start in production/);
    expect(msg).toMatch(/IPLOG_SIGNING_KEY: required in production \(the IP registry log's Ed25519 key/);
    expect(msg).not.toMatch(/SESSION_SECRET|PUBLIC_URL/);
    // `npm start` on a fresh clone sets no NODE_ENV: a development server, the key kept in the database.
    expect(loadConfig({}).ipLogSigningKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: "test" }).ipLogSigningKey).toBeUndefined();
  });

  it("refuses a signing key that is not an Ed25519 private key (a pasted public key, a truncated one)", () => {
    const publicKey = createPublicKey(
      createPrivateKey({ key: Buffer.from(LOG_KEY, "base64"), format: "der", type: "pkcs8" }),
    )
      .export({ format: "der", type: "spki" })
      .toString("base64");
    for (const key of [publicKey, LOG_KEY.slice(0, 60)]) {
      const msg = refusal({ IPLOG_SIGNING_KEY: key });
      expect(msg).toMatch(/^Invalid configuration:/);
      expect(msg).toMatch(/IPLOG_SIGNING_KEY: must be an Ed25519 private key/);
    }
  });

  it("accepts a complete production configuration; https turns on secure cookies", () => {
    const c = loadConfig({
      NODE_ENV: "production",
      SESSION_SECRET: SECRET,
      PUBLIC_URL: "https://cluster.example.ru/",
      IPLOG_SIGNING_KEY: LOG_KEY,
    });
    expect(c.env).toBe("production");
    expect(c.ipLogSigningKey).toBe(LOG_KEY);
    expect(c.publicUrl).toBe("https://cluster.example.ru");
    expect(c.secureCookies).toBe(true);
    expect(c.sessionSecret).toBe(SECRET);
  });

  it("reads the switches", () => {
    const c = loadConfig({ RATE_LIMIT: "off", TRUST_PROXY: "1", SEED: "never", PORT: "8080" });
    expect(c.rateLimit).toBe(false);
    expect(c.trustProxy).toBe(1);
    expect(c.seed).toBe("never");
    expect(c.port).toBe(8080);
    expect(c.publicUrl).toBe("http://localhost:8080");
    expect(refusal({ RATE_LIMIT: "maybe" })).toMatch(/\bRATE_LIMIT:/);
    expect(refusal({ TRUST_PROXY: "yes" })).toMatch(/\bTRUST_PROXY:/);
  });

  describe("finding 6: TRUST_PROXY never trusts every peer", () => {
    it("refuses true and says what to write instead", () => {
      const msg = refusal({ TRUST_PROXY: "true" });
      expect(msg).toMatch(/\bTRUST_PROXY:/);
      expect(msg).toMatch(/e\.g\. 1\b/);
      expect(msg).toMatch(/10\.0\.0\.0\/8,127\.0\.0\.1/);
    });

    it("takes a hop count or trusted addresses and ranges", () => {
      expect(loadConfig({}).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: "false" }).trustProxy).toBe(false);
      expect(loadConfig({ TRUST_PROXY: "2" }).trustProxy).toBe(2);
      expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1,::1,fd00::/8,loopback" }).trustProxy).toEqual([
        "10.0.0.0/8",
        "127.0.0.1",
        "::1",
        "fd00::/8",
        "loopback",
      ]);
    });

    it("names the entries that are not addresses or ranges", () => {
      for (const v of ["10.0.0.0/33", "10.0.0/8", "proxy.local", "99", "1.2.3.4/8/1"])
        expect(refusal({ TRUST_PROXY: v })).toMatch(/\bTRUST_PROXY:/);
      expect(refusal({ TRUST_PROXY: "10.0.0.1,proxy.local" })).toMatch(/proxy\.local/);
    });
  });

  it("accepts PostgreSQL and SMTP URLs", () => {
    const c = loadConfig({
      DATABASE_URL: "postgresql://u@db:5432/ic",
      SMTP_URL: "smtps://u:p@mail.example.ru",
    });
    expect(c.databaseUrl).toBe("postgresql://u@db:5432/ic");
    expect(c.smtpUrl).toBe("smtps://u:p@mail.example.ru");
  });
});
