import { z } from "zod";
import { LOCALES, PASSWORD_MAX, PASSWORD_MIN, ROLES } from "../../../shared/constants.js";
import { isSameSitePath, NEXT_MAX } from "../../../shared/next.js";
import { SafeLongText, SafeText } from "../../../shared/text.js";
import { Email, Page, PageSize } from "../../core/contract.js";
import { declaredAbilities } from "../../core/module.js";

const NewPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
const FullName = SafeText(2, 200);
const Token = z.string().min(16).max(200);
/** Where to go after signing in; carried in the confirmation link. Only a path on this site. */
const Next = z
  .string()
  .max(NEXT_MAX)
  .refine(isSameSitePath, { error: "field.next-path" })
  .meta({ description: "A path on this site to open after signing in, e.g. /organizations/new" });

/** A solved proof-of-work challenge (base64 JSON), sent when the server answered 428 challenge-required. */
const Altcha = z.string().max(4000).optional().meta({
  description: "The solved challenge of a 428 challenge-required answer (base64 of {challenge, solution})",
});

export const SignUpBody = z
  .object({
    email: Email,
    fullName: FullName,
    password: NewPassword,
    // Its own checkbox: sign-up without consent to personal-data processing (152-FZ) is refused.
    consent: z.literal(true, { error: "field.consent-required" }),
    policyVersion: z.string().min(1).max(40),
    locale: z.enum(LOCALES).default("ru"),
    next: Next.optional(),
    altcha: Altcha,
  })
  .strict();
/**
 * Confirms a sign-up: the token from the mail and the password chosen in that same sign-up, so a link
 * mailed for someone else's sign-up is useless to the owner of the mailbox (issue 8, finding 3).
 */
export const ConfirmBody = z
  .object({ token: Token, password: z.string().min(1).max(PASSWORD_MAX), altcha: Altcha })
  .strict();
export const ConfirmLookupBody = z.object({ token: Token }).strict();
export const ConfirmLookup = z
  .object({ email: z.string() })
  .meta({ description: "The address a usable confirmation link confirms" });
export const EmailBody = z.object({ email: Email, altcha: Altcha }).strict();
export const ResendConfirmationBody = z
  .object({ email: Email, next: Next.optional(), altcha: Altcha })
  .strict();
export const SignInBody = z
  .object({ email: Email, password: z.string().min(1).max(PASSWORD_MAX), altcha: Altcha })
  .strict();
export const ResetConfirmBody = z.object({ token: Token, password: NewPassword }).strict();
export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: NewPassword })
  .strict();
export const UpdateMeBody = z
  .object({ fullName: FullName.optional(), locale: z.enum(LOCALES).optional() })
  .strict();

export const User = z
  .object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES),
    emailConfirmed: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });

let me: ReturnType<typeof buildMe> | undefined;
const buildMe = () =>
  z
    .object({
      user: User.nullable(),
      abilities: z
        .object(
          Object.fromEntries(
            declaredAbilities().map((a) => [a.action, a.optional ? z.boolean().optional() : z.boolean()]),
          ),
        )
        .meta({
          description: "Per ability: whether the server would allow it (modules switched off omit theirs)",
        }),
    })
    .meta({ id: "Me", description: "The signed-in user (null for a guest) and what they may do" });

/**
 * /api/me's answer. Its abilities are the installed modules' (core/module.ts), one key each, so the
 * web's generated types name every ability; built once, after the modules are installed.
 */
export const meSchema = () => {
  me ??= buildMe();
  return me;
};

export const UserEnvelope = z.object({ user: User });
export const ConfirmedEnvelope = z.object({ user: User, message: z.string() });

export const Message = z.object({ message: z.string() }).meta({ id: "Message" });

export const Session = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: "Session" });
export const SessionList = z.object({ items: z.array(Session) });

export const AdminUsersQuery = z
  .object({
    q: z.string().trim().max(200).optional(),
    role: z.enum(ROLES).optional(),
    page: Page,
    pageSize: PageSize,
  })
  .strict();
export const AdminUser = User.omit({ locale: true })
  .extend({ blocked: z.boolean(), blockedReason: z.string().nullable() })
  .meta({ id: "AdminUser" });
export const AdminUserList = z.object({
  items: z.array(AdminUser),
  total: z.number().int(),
  totalCapped: z
    .boolean()
    .meta({ description: "More users match than `total` (the count stops at 1,000): refine the search" }),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const SetRoleBody = z.object({ role: z.enum(ROLES) }).strict();
export const BlockBody = z.object({ reason: SafeLongText(500).pipe(z.string().min(3)) }).strict();
export const AdminUserEnvelope = z.object({ user: AdminUser });
