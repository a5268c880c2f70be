// Files the demo seed attaches (conversation attachments, money entries' documents): a small one-page
// PDF put into the storage and recorded as attached, as an upload attached to its record would be.
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { files } from "../core/files.schema.js";
import type { SeedContext } from "../core/seed.js";
import type { Storage } from "../core/storage.js";
import { pdfDocument } from "./verification.js";

/** Stores a PDF of `lines` named `name` and returns its file id. */
export async function storedPdf(
  db: SeedContext["db"],
  storage: Storage,
  doc: { purpose: string; name: string; lines: string[]; uploadedBy: string | null; at: Date },
): Promise<string> {
  const data = pdfDocument(doc.lines);
  const key = `${doc.purpose}/seed/${randomUUID()}`;
  await storage.put(key, Readable.from([data]));
  const [f] = await db
    .insert(files)
    .values({
      storageKey: key,
      purpose: doc.purpose,
      uploadedBy: doc.uploadedBy,
      originalName: doc.name,
      size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      contentType: "application/pdf",
      createdAt: doc.at,
      attachedAt: doc.at,
    })
    .returning({ id: files.id });
  return f!.id;
}
