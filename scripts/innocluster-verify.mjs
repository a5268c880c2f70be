#!/usr/bin/env node
// innocluster-verify — checks an Innocluster IP registry receipt against a file, with nothing but Node:
//
//   npx innocluster-verify receipt.json file.pdf --log https://cluster.example
//   npx innocluster-verify receipt.json file.pdf --key log-key.jwk|log-key.pem
//
// 1. the file's SHA-256 is the one in the receipt's leaf;
// 2. the inclusion proof leads from the leaf to the signed tree head's root (RFC 9162 §2.1.3.2);
// 3. the tree head's Ed25519 signature verifies with the log's public key — from --key (JWK or PEM), or
//    fetched from <--log origin>/.well-known/innocluster-log-key. The key is always one the user names:
//    the receipt's own logKeyUrl is never trusted (a forger would put its own key's address there).
// Exit codes: 0 verified, 1 a check failed, 2 wrong usage or an unreadable receipt, file or key.
// The checks are src/shared/merkle.ts, the same code the web app's verify page runs (Node strips its types).
import { createHash, createPublicKey, webcrypto } from "node:crypto";
import { createReadStream, readFileSync } from "node:fs";
import { checkReceipt, isReceipt, webLogCrypto } from "../src/shared/merkle.ts";

const USAGE =
  "usage: innocluster-verify <receipt.json> <file> (--log <the log's origin, e.g. https://cluster.example> | --key <public key: JWK or PEM file>)";
const KEY_PATH = "/.well-known/innocluster-log-key";
const MESSAGES = {
  format: "the receipt is not an Innocluster receipt (innocluster-receipt/1) or is damaged",
  file: "the file's SHA-256 differs from the one in the receipt: this is not the deposited file",
  inclusion: "the inclusion proof does not lead to the tree head's root: the receipt was altered",
  signature: "the tree head's signature does not verify with the log's public key",
};

function fail(code, message) {
  process.stderr.write(`innocluster-verify: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const files = [];
  let key;
  let log;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--key") key = argv[++i];
    else if (argv[i] === "--log") log = argv[++i];
    else if (argv[i] === "--help" || argv[i] === "-h") {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else files.push(argv[i]);
  }
  if (files.length !== 2 || (key === undefined) === (log === undefined) || (key ?? log) === "")
    fail(2, USAGE);
  let keyUrl;
  if (log !== undefined) {
    try {
      const origin = new URL(log);
      if (origin.protocol !== "https:" && origin.protocol !== "http:") throw new Error("not http(s)");
      keyUrl = new URL(KEY_PATH, origin.origin).href;
    } catch {
      fail(2, `--log must be the log's web address, e.g. https://cluster.example (got ${log})`);
    }
  }
  return { receiptPath: files[0], filePath: files[1], keyPath: key, keyUrl };
}

function sha256File(path) {
  return new Promise((resolve, reject) => {
    const h = createHash("sha256");
    createReadStream(path)
      .on("error", reject)
      .on("data", (d) => h.update(d))
      .on("end", () => resolve(h.digest("hex")));
  });
}

function ed25519(jwk) {
  if (jwk?.kty !== "OKP" || jwk.crv !== "Ed25519" || typeof jwk.x !== "string")
    throw new Error("not an Ed25519 public key");
  return jwk;
}

function readKey(path) {
  const text = readFileSync(path, "utf8").trim();
  return ed25519(text.startsWith("{") ? JSON.parse(text) : createPublicKey(text).export({ format: "jwk" }));
}

async function fetchKey(url) {
  const res = await fetch(url, {
    headers: { accept: "application/jwk+json, application/json" },
    redirect: "error",
  });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return ed25519(await res.json());
}

const { receiptPath, filePath, keyPath, keyUrl } = parseArgs(process.argv.slice(2));
let receipt;
try {
  receipt = JSON.parse(readFileSync(receiptPath, "utf8"));
} catch (e) {
  fail(2, `cannot read the receipt ${receiptPath}: ${e.message}`);
}
if (!isReceipt(receipt)) fail(1, MESSAGES.format);
const fileHash = await sha256File(filePath).catch((e) =>
  fail(2, `cannot read the file ${filePath}: ${e.message}`),
);
let key;
try {
  key = keyPath ? readKey(keyPath) : await fetchKey(keyUrl);
} catch (e) {
  fail(2, `cannot get the log's public key (${keyPath ?? keyUrl}): ${e.message}`);
}
const failed = await checkReceipt(webLogCrypto(webcrypto.subtle), receipt, key, fileHash);
if (failed) fail(1, `NOT VERIFIED: ${MESSAGES[failed]}`);
const head = receipt.treeHead;
process.stdout.write(
  [
    "VERIFIED",
    `  file SHA-256   ${fileHash}`,
    `  deposit        «${receipt.leaf.title}», holder ${receipt.leaf.holderName} (INN ${receipt.leaf.holderInn}), ${receipt.leaf.timestamp}`,
    `  log entry      #${receipt.leafIndex} of a tree of ${head.treeSize} (root ${head.rootHash})`,
    `  tree head      signed ${new Date(head.timestamp).toISOString()} by the key ${key.kid ?? key.x}`,
    "",
  ].join("\n"),
);
