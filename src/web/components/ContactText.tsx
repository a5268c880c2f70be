import { Anchor } from "@mantine/core";
import type { ReactNode } from "react";

/*
 * Contacts as people use them: every e-mail address in a text becomes a `mailto:` link and every phone
 * number a `tel:` link (dialled as +7… for Russian numbers written with 8 or +7), the rest stays text.
 */

const EMAIL = String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}`;
/** +7 (495) 000-10-07, 8 495 000 10 07, +44 20 7946 0958: a + or 8, then 10–14 digits with spaces, dashes, brackets. */
const PHONE = String.raw`(?:\+\d|\b8)[\s(-]*\d(?:[\s()-]*\d){8,13}`;
const PATTERN = new RegExp(`(${EMAIL})|(${PHONE})`, "gu");

/** The `tel:` address of a phone number as written (8 … → +7 …), or null when it has too few digits. */
export function telHref(phone: string): string | null {
  let digits = phone.replace(/\D/g, "");
  if (digits.length < 10 || digits.length > 15) return null;
  if (phone.trim().startsWith("8") && digits.length === 11) digits = `7${digits.slice(1)}`;
  return `tel:+${digits}`;
}

/** The text split into plain parts and links. */
export function linkifyContacts(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(PATTERN)) {
    const start = m.index ?? 0;
    const [found, email, phone] = m;
    const href = email ? `mailto:${email}` : phone ? telHref(phone) : null;
    if (!href) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={`${start}-${found}`} href={href} style={{ whiteSpace: email ? undefined : "nowrap" }}>
        {found}
      </Anchor>,
    );
    last = start + found.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** A text with its e-mails and phone numbers as links. */
export function ContactText({ children }: { children: string }) {
  return <>{linkifyContacts(children)}</>;
}

/** One e-mail address as a `mailto:` link. */
export function EmailLink({ email }: { email: string }) {
  return (
    <Anchor href={`mailto:${email}`} style={{ overflowWrap: "anywhere" }}>
      {email}
    </Anchor>
  );
}

/** One phone number as a `tel:` link (plain text when it cannot be dialled). */
export function PhoneLink({ phone }: { phone: string }) {
  const href = telHref(phone);
  if (!href) return <>{phone}</>;
  return (
    <Anchor href={href} style={{ whiteSpace: "nowrap" }}>
      {phone}
    </Anchor>
  );
}
