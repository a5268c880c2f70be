import { and, asc, eq, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import type { Seeder } from "../core/seed.js";
import { users } from "../modules/accounts/accounts.schema.js";
import { memberships, organizations } from "../modules/organizations/organizations.schema.js";
import { verificationRequests } from "../modules/verification/verification.schema.js";
import { DEMO_USER_ORG } from "./organizations.js";
import { latin } from "./translit.js";

const DAY = 24 * 3600_000;

/** A deterministic generator of its own, so this seeder does not shift the others' random sequence. */
function rngOf(seed: number) {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** A small, valid one-page PDF with the given lines (Helvetica: the text is transliterated). */
export function pdfDocument(lines: string[]): Buffer {
  const esc = (s: string) =>
    latin(s)
      .replace(/[^\x20-\x7e]/g, "?")
      .replace(/([\\()])/g, "\\$1");
  const text = lines.map((l, i) => `BT /F1 11 Tf 56 ${780 - i * 18} Td (${esc(l)}) Tj ET`).join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

const extractLines = (o: { fullName: string; inn: string | null; ogrn: string | null }, date: string) => [
  "VYPISKA IZ EDINOGO GOSUDARSTVENNOGO REESTRA YURIDICHESKIKH LITS",
  `Data vypiski: ${date}`,
  `Polnoe naimenovanie: ${o.fullName}`,
  `INN: ${o.inn ?? "-"}   OGRN: ${o.ogrn ?? "-"}`,
  "Svedeniya o litse, imeyushchem pravo bez doverennosti deystvovat ot imeni yuridicheskogo litsa: general'nyy direktor",
  "Demonstratsionnyy dokument platformy Innocluster",
];

/** The story of the seeded claim: a real company found its INN registered by someone else. */
export const SEEDED_CLAIM_COMMENT =
  "Мы — генеральный директор этой компании. При попытке зарегистрировать организацию на платформе увидели, что она уже зарегистрирована неизвестным нам лицом, которое никогда не работало у нас. Прилагаем свежую выписку из ЕГРЮЛ; письмо на бланке за подписью руководителя можем прислать дополнительно.";

/**
 * Verification of the seeded organizations: every organization that holds or applied for a status was
 * verified when it applied; most other registered ones are verified too; a handful wait in the
 * operator's queue with an extract from the register; one claim waits. The demo user's own
 * organization stays unverified, so the demo shows the way to verification.
 */
export const verificationSeeder: Seeder = {
  name: "verification",
  async run({ db, scale }) {
    const r = rngOf(20261206);
    const now = Date.now();
    await db.execute(sql`
      update organizations o set verified_at = greatest(o.created_at,
        coalesce((select min(a.submitted_at) from status_applications a where a.organization_id = o.id), o.status_since)
          - interval '3 days')
      where o.status <> 'registered' or o.type = 'city_body'
        or exists (select 1 from status_applications a where a.organization_id = o.id)`);
    const rest = await db
      .select({
        id: organizations.id,
        fullName: organizations.fullName,
        shortName: organizations.shortName,
        inn: organizations.inn,
        ogrn: organizations.ogrn,
        createdAt: organizations.createdAt,
      })
      .from(organizations)
      .where(and(isNull(organizations.verifiedAt), ne(organizations.shortName, DEMO_USER_ORG)))
      .orderBy(asc(organizations.createdAt), asc(organizations.id));
    const unverified: typeof rest = [];
    const verified: string[] = [];
    for (const o of rest) r() < 0.7 ? verified.push(o.id) : unverified.push(o);
    // Verified a few days after registration (never later than yesterday).
    for (let i = 0; i < verified.length; i += 5000) {
      await db
        .update(organizations)
        .set({
          verifiedAt: sql`least(now() - interval '1 day', ${organizations.createdAt} + (1 + abs(hashtext(${organizations.id}::text)) % 10) * interval '1 day')`,
        })
        .where(inArray(organizations.id, verified.slice(i, i + 5000)));
    }
    // The newest unverified organizations are the ones whose documents wait: registered recently.
    const waiting = unverified.slice(
      -(scale === "demo" ? 6 : Math.max(6, Math.round(unverified.length * 0.02))),
    );
    const claimed = waiting.pop()!;
    const owners = await db
      .select({ organizationId: memberships.organizationId, userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.role, "owner"));
    const ownerOf = new Map(owners.map((m) => [m.organizationId, m.userId]));
    const dateRu = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join(".");
    const rows: (typeof verificationRequests.$inferInsert)[] = waiting.map((o, i) => {
      const submittedAt = new Date(
        Math.max(o.createdAt.getTime() + 3_600_000, now - Math.floor(r() * 12) * DAY - i * 3_600_000),
      );
      const bytes = pdfDocument(extractLines(o, dateRu(new Date(submittedAt.getTime() - 2 * DAY))));
      return {
        kind: "verification",
        organizationId: o.id,
        organizationName: o.shortName,
        organizationInn: o.inn,
        documentType: i % 4 === 3 ? "letterhead_letter" : "register_extract",
        fileName:
          i % 4 === 3
            ? "Письмо о подтверждении.pdf"
            : `Выписка ЕГРЮЛ ${o.inn ?? ""}.pdf`.replace(" .pdf", ".pdf"),
        contentType: "application/pdf",
        size: bytes.length,
        bytes,
        submittedBy: ownerOf.get(o.id)!,
        submittedAt,
      };
    });
    // The claimant: a user outside the claimed organization and outside any organization's management.
    const members = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.organizationId, claimed.id));
    const [claimant] = await db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.role, "user"),
          notInArray(
            users.id,
            members.map((m) => m.userId),
          ),
          sql`not exists (select 1 from ${memberships} m where m.user_id = ${users.id} and m.role = 'owner')`,
          sql`${users.emailConfirmedAt} is not null`,
        ),
      )
      .orderBy(asc(users.email))
      .limit(1);
    const claimAt = new Date(now - 2 * DAY);
    const claimBytes = pdfDocument(extractLines(claimed, dateRu(new Date(now - 4 * DAY))));
    rows.push({
      kind: "claim",
      organizationId: claimed.id,
      organizationName: claimed.shortName,
      organizationInn: claimed.inn,
      documentType: "register_extract",
      fileName: `Выписка ЕГРЮЛ ${claimed.inn ?? ""}.pdf`,
      contentType: "application/pdf",
      size: claimBytes.length,
      bytes: claimBytes,
      comment: SEEDED_CLAIM_COMMENT,
      submittedBy: claimant!.id,
      submittedAt: claimAt,
    });
    await db.insert(verificationRequests).values(rows);
    await db.execute(sql.raw("analyze verification_requests"));
  },
};
