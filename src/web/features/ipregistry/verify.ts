// Checks a receipt in the browser with Web Crypto (SHA-256 and Ed25519), by src/shared/merkle.ts — the
// code the command-line verifier runs. The key is this site's log key, never one the receipt names.
import { checkReceipt, LOG_KEY_PATH, type ReceiptCheck, toHex, webLogCrypto } from "../../../shared/merkle";

export async function fileSha256(file: Blob): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer())));
}

export type Verdict = { failed: ReceiptCheck | null; receipt: unknown; otherLog: boolean };

export async function verifyReceipt(receiptFile: Blob, file: Blob): Promise<Verdict> {
  let receipt: unknown;
  try {
    receipt = JSON.parse(await receiptFile.text());
  } catch {
    return { failed: "format", receipt: null, otherLog: false };
  }
  const res = await fetch(LOG_KEY_PATH);
  if (!res.ok) throw new Error(`log key: ${res.status}`);
  const key = await res.json();
  const failed = await checkReceipt(
    webLogCrypto(crypto.subtle as never),
    receipt,
    key,
    await fileSha256(file),
  );
  const url = (receipt as { logKeyUrl?: unknown })?.logKeyUrl;
  const otherLog = typeof url === "string" && !url.endsWith(LOG_KEY_PATH);
  return { failed, receipt, otherLog };
}
