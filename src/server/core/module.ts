import type { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { LOCALES, type Locale } from "../../shared/constants.js";
import type { NotificationChannel } from "../../shared/vocabularies.js";
import type { Config } from "./config.js";
import type { Executor } from "./db.js";
import { type FilePurpose, registerFilePurposes } from "./files.js";
import { fill, hasText, type Params, t } from "./i18n.js";
import type { JobQueue, JobServices, QueuedJob, ScheduledJob } from "./jobs.js";
import { defineMailTemplates, type MailTemplate } from "./mail.js";
import { type Action, defineRules, type Rule } from "./policy.js";
import type { Seeder } from "./seed.js";
import type { Storage } from "./storage.js";

/** Where a notification goes by default (the user may choose another channel per kind). */
export type { NotificationChannel };
/**
 * A notification's data. A person is named by `actor` (their user id), never by a stored name: the
 * notifications module looks the name up as `name` when it renders, so renames and erasures show.
 */
export type NotificationData = Record<string, string | number | null>;

/** A kind of notification: how it reads in each language and which channel it uses by default. */
export interface NotificationKind {
  label: Record<Locale, string>;
  defaultChannel: NotificationChannel;
  render(locale: Locale, data: NotificationData): { title: string; body?: string };
  /** The catalogue keys its texts start with (each has `.title`, maybe `.body`): the catalogue test reads them. */
  textKeys?: readonly string[];
}

/** A notification kind whose texts are in the catalogue (see `catalogueNotices`). */
export interface NoticeSpec {
  defaultChannel: NotificationChannel;
  /**
   * Text variants picked from the data (an event, a decision): texts at `notice.<kind>.<variant>.*`.
   * `list` names every variant, the first being the default, so the catalogue test can check each.
   */
  variants?: { of: (d: NotificationData) => unknown; list: readonly string[] };
  /** Placeholder values computed besides the data's own: a label in the reader's language, a short reason. */
  params?: (l: Locale, d: NotificationData) => Params;
}

/**
 * Notification kinds whose texts live in the catalogue (src/locales/<locale>/server/<module>.json):
 * `notice.<kind>.label` (the settings page), `notice.<kind>[.<variant>].title` and an optional `.body`.
 * Placeholders are the data's fields and the spec's `params`; a missing one reads as nothing, and a
 * body left empty is no body.
 */
export function catalogueNotices(
  specs: Readonly<Record<string, NoticeSpec>>,
): Record<string, NotificationKind> {
  return Object.fromEntries(
    Object.entries(specs).map(([kind, spec]) => {
      const base = (d: NotificationData) => {
        if (!spec.variants) return `notice.${kind}`;
        const v = String(spec.variants.of(d));
        return `notice.${kind}.${spec.variants.list.includes(v) ? v : spec.variants.list[0]}`;
      };
      const notice: NotificationKind = {
        label: Object.fromEntries(LOCALES.map((l) => [l, t(l, `notice.${kind}.label`)])) as Record<
          Locale,
          string
        >,
        defaultChannel: spec.defaultChannel,
        textKeys: (spec.variants?.list ?? [""]).map((v) => `notice.${kind}${v ? `.${v}` : ""}`),
        render(l, d) {
          const key = base(d);
          const p = { ...d, ...spec.params?.(l, d) };
          const body = hasText(l, `${key}.body`) ? fill(l, `${key}.body`, p).trim() : "";
          return { title: fill(l, `${key}.title`, p), ...(body ? { body } : {}) };
        },
      };
      return [kind, notice];
    }),
  );
}

/**
 * A module's part of a person's data (152-FZ): what it holds about a user, and how it forgets them.
 * The privacy module collects every manifest's part: `export` for the user's data export (one JSON file
 * per module in the zip, named after the module), `files` for stored files to put in the zip beside it,
 * `erase` when a deletion request falls due (all parts in one transaction, after the 30 days).
 *
 * - `export` returns only this user's data (never another person's name, e-mail or message); ids of
 *   other records may appear. Values must be JSON-serializable (dates become ISO strings).
 * - `erase` removes or anonymizes what identifies the user (names, e-mails, IPs, free text they wrote
 *   about themselves) and may keep records other people need (a message stays, shown as from
 *   "удалённый пользователь"; an audit entry keeps the user id only). It must be idempotent.
 */
export interface PersonalFile {
  /** The name in the zip (unique within the module's folder). */
  name: string;
  open(services: { db: Executor; storage: Storage }): Promise<Readable>;
}

export interface PersonalDataPart {
  export(tx: Executor, userId: string): Promise<Record<string, unknown>>;
  /** Files the user uploaded, put in the zip under `files/<module>/`; each opened only when the zip reaches it. */
  files?(tx: Executor, userId: string): Promise<PersonalFile[]>;
  /** `publicUrl`: what mails written in the erasure (e.g. a freed place's notice) link to. */
  erase(tx: Executor, userId: string, env: { publicUrl: string }): Promise<void>;
}

/**
 * A kind of subject a conversation can be about (a status application, an exchange response, …),
 * declared by the module that owns the subject and collected by the conversations module. Who may read
 * a conversation is decided by its two parties, not by the subject.
 */
export interface ConversationSubjectKind {
  /** Its label in a list of conversations («Заявка на статус») is `conversations.subject.<kind>` in the catalogue. */
  kind: string;
  /**
   * Where the subject is seen in the web app, for a reader on a party's side: a member of
   * `organizationId`, or the cluster's operator (null).
   */
  link(subjectId: string, organizationId: string | null): string;
}

/**
 * Everything a module brings to the platform, in one object: `src/server/modules/index.ts` lists the
 * manifests, `app.ts` installs and registers them, `main.ts` runs their jobs. Nothing registers itself
 * by being imported.
 */
export interface ModuleManifest<A extends string = string> {
  name: string;
  /** Fastify plugins registered under /api, in this order. */
  routes?: readonly FastifyPluginAsyncZod[];
  /** Whether the module's routes exist in this configuration (default: always). */
  enabled?: (config: Config) => boolean;
  /** The policy actions the module declares, each with its rule. */
  rules?: { readonly [K in A]: Rule<never> };
  /** Resource-free actions the web app asks about in /api/me (to hide what would be refused). */
  abilities?: readonly NoInfer<A>[];
  notificationKinds?: Readonly<Record<string, NotificationKind>>;
  mailTemplates?: Readonly<Record<string, MailTemplate>>;
  /** The kinds of files the module stores (type, size and pixel limits; refusal texts). */
  filePurposes?: readonly FilePurpose[];
  /**
   * Runs once at start, after migrations, the seed and the job queue's start, before serving: moving
   * data that a migration cannot (files), sending jobs again. Keep it short and safe: a throw here stops
   * every server from starting, so lasting work goes on the job queue (`jobs.send`).
   */
  onStart?: (services: JobServices & { jobs: JobQueue }) => Promise<void>;
  /** Periodic jobs (cron, Moscow time), run once per tick across app servers by the job queue. */
  jobs?: readonly ScheduledJob[];
  /** Jobs sent with data (`ctx.jobs.send(tx, job, data)`); the queue works them on every app server. */
  queued?: readonly QueuedJob<never>[];
  /** The module's part of the demo and full-scale data; seeders run in the order of MODULES. */
  seed?: Seeder;
  /** The module's part of a user's data export and of the erasure of an account (see PersonalDataPart). */
  personalData?: PersonalDataPart;
  /** The kinds of subject its conversations are about (the conversations module collects them). */
  conversationSubjects?: readonly ConversationSubjectKind[];
  /** Runs once at installation with every manifest: a module that collects from the others (e.g. notification kinds). */
  install?: (all: readonly ModuleManifest[]) => void;
}

/** Declares a module; the action names stay literal, so `Action` (core/policy.ts) is their union. */
export function defineModule<const A extends string = never>(manifest: ModuleManifest<A>): ModuleManifest<A> {
  return manifest;
}

/** The actions a manifest declares. */
export type ActionsOf<M> = M extends ModuleManifest<infer A> ? A : never;

let installed: readonly ModuleManifest[] | undefined;

/**
 * Puts the modules' rules, messages and mail templates into the shared registries, then runs their
 * install hooks. Once per process (every app built in it shares the registries); installing another
 * list later is a bug.
 */
export function installModules(list: readonly ModuleManifest[]): void {
  if (installed === list) return;
  if (installed) throw new Error("a different list of modules was installed before");
  checkManifests(list);
  for (const m of list) {
    if (m.rules) defineRules(m.rules);
    if (m.mailTemplates) defineMailTemplates(m.mailTemplates);
    if (m.filePurposes) registerFilePurposes(m.filePurposes);
  }
  for (const m of list) m.install?.(list);
  installed = list;
}

/** Refuses a list with a module named twice, or an ability that is not one of its module's own rules. */
export function checkManifests(list: readonly ModuleManifest[]): void {
  const names = new Set<string>();
  for (const m of list) {
    if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    names.add(m.name);
    for (const a of m.abilities ?? [])
      if (!m.rules || !(a in m.rules))
        throw new Error(`module ${m.name}: ability ${a} has no rule of its own`);
  }
}

/** Every manifest's queued jobs: what a `JobQueue` is made with. */
export const queuedJobsOf = (list: readonly ModuleManifest[]): QueuedJob<never>[] =>
  list.flatMap((m) => m.queued ?? []);

/** The installed manifests (empty before installModules). */
export function installedModules(): readonly ModuleManifest[] {
  return installed ?? [];
}

/** The abilities sent to the web: each installed module's, with whether the module can be switched off. */
export function declaredAbilities(): { action: Action; optional: boolean }[] {
  return installedModules().flatMap((m) =>
    (m.abilities ?? []).map((action) => ({ action: action as Action, optional: m.enabled !== undefined })),
  );
}

/** The abilities of the modules switched on in this configuration. */
export function abilitiesFor(config: Config): Action[] {
  return installedModules()
    .filter((m) => !m.enabled || m.enabled(config))
    .flatMap((m) => (m.abilities ?? []) as Action[]);
}
