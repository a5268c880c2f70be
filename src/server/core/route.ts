import type { MultipartFile } from "@fastify/multipart";
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { writeAudit } from "./audit.js";
import { type Ctx, ctxOf } from "./context.js";
import { AppError, badRequest, problemAnswer } from "./errors.js";
import type { JsonLimits } from "./http.js";
import type { Action } from "./policy.js";

type Schema = z.ZodType | undefined;
type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** A request whose params, query and body have passed the route's zod schemas. */
export type RouteRequest<P extends Schema, Q extends Schema, B extends Schema> = FastifyRequest<{
  Params: Parsed<P>;
  Querystring: Parsed<Q>;
  Body: Parsed<B>;
}>;

/**
 * What the handler gives back: the response schema's input (or the reply it sent itself, e.g. JSON
 * already serialized); without a response schema anything (ignored for 204, the sent reply for a file).
 */
type Answer<R extends Schema> = (R extends z.ZodType ? z.input<R> : unknown) | FastifyReply;

/**
 * One route: its policy action and OpenAPI text, its zod schemas, and a handler that gets the request's
 * `Ctx` and calls one service function. The success answer goes out with `status` through `response`
 * (a field not in the schema cannot leak); errors thrown anywhere become problem details as everywhere.
 */
export interface RouteSpec<P extends Schema, Q extends Schema, B extends Schema, R extends Schema, S> {
  /** The policy action checked before the body is read (default deny: an unknown one does not compile), or "public". */
  action: Action | "public";
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** The success answer's schema; none for 204 and for a file or a stream the handler sends itself. */
  response?: R;
  /** The success status (default 200). */
  status?: S;
  /**
   * Problems with members of their own this route answers with, by status (`problemWith` schemas, e.g.
   * `{ 409: InnTakenProblem }`): the answer passes through them and the web reads them as `ProblemOf`.
   */
  problems?: Readonly<Record<number, z.ZodType>>;
  /** This route's own limit per user (else per address) instead of the default; `false` for none. */
  rateLimit?: { max: number; timeWindow: string } | false;
  /** `Cache-Control: no-store`: personal or fast-changing answers that no cache may keep. */
  noStore?: boolean;
  /** How deep and large the JSON body may be (default JSON_LIMITS). */
  jsonLimits?: JsonLimits;
  /** The body's size limit in bytes instead of the server's. */
  bodyLimit?: number;
  /** OpenAPI tags instead of the router's. */
  tags?: readonly string[];
  handler: (ctx: Ctx, req: RouteRequest<P, Q, B>, reply: FastifyReply) => Answer<R> | Promise<Answer<R>>;
}

type Declare = <
  P extends Schema = undefined,
  Q extends Schema = undefined,
  B extends Schema = undefined,
  R extends Schema = undefined,
  const S extends 200 | 201 | 202 | 204 = 200,
>(
  url: string,
  spec: RouteSpec<P, Q, B, R, S>,
) => void;

/** Declares a module's routes: `r.get(url, spec)`, `r.post(…)`; `r.app` for hooks and plugins. */
export interface Router {
  app: FastifyInstance;
  get: Declare;
  post: Declare;
  put: Declare;
  patch: Declare;
  delete: Declare;
}

function declare(app: FastifyInstance, tags: readonly string[], method: HTTPMethods): Declare {
  return (url, spec) => {
    const { action, summary, description, params, query, body, response, rateLimit, noStore } = spec;
    const { jsonLimits, bodyLimit } = spec;
    const status: number = spec.status ?? 200;
    app.route({
      method,
      url,
      ...(bodyLimit && { bodyLimit }),
      config: {
        policy: action,
        ...(rateLimit !== undefined && { rateLimit }),
        ...(jsonLimits && { jsonLimits }),
      },
      schema: {
        tags: [...(spec.tags ?? tags)],
        summary,
        ...(description && { description }),
        ...(params && { params }),
        ...(query && { querystring: query }),
        ...(body && { body }),
        ...((response || spec.problems) && {
          response: {
            ...(response && { [status]: response }),
            ...Object.fromEntries(
              Object.entries(spec.problems ?? {}).map(([code, p]) => [code, problemAnswer(p)]),
            ),
          },
        }),
      },
      handler: async (req, reply) => {
        if (noStore) reply.header("cache-control", "no-store");
        const answer = await spec.handler(ctxOf(req), req as never, reply);
        if (status === 204) return reply.code(204).send();
        if (status !== 200) reply.code(status);
        return answer;
      },
    });
  };
}

/**
 * A module's routes as a Fastify plugin, every operation under `tags`:
 *
 * ```ts
 * export const statusRoutes = routes(["organizations"], (r) => {
 *   r.post("/organizations/:id/status-applications", {
 *     action: "org.access",
 *     summary: "Apply for participant or partner status (owner or admin)",
 *     params: OrgIdParams,
 *     body: ApplyBody,
 *     response: StatusApplication,
 *     status: 201,
 *     handler: (ctx, { params, body }) => svc.apply(ctx, params.id, body),
 *   });
 * });
 * ```
 */
export function routes(
  tags: readonly string[],
  define: (r: Router) => void | Promise<void>,
): FastifyPluginAsyncZod {
  return async (app) => {
    const plain = app as unknown as FastifyInstance;
    await define({
      app: plain,
      get: declare(plain, tags, "GET"),
      post: declare(plain, tags, "POST"),
      put: declare(plain, tags, "PUT"),
      patch: declare(plain, tags, "PATCH"),
      delete: declare(plain, tags, "DELETE"),
    });
  };
}

/**
 * The one file of a multipart upload, in the field `file` (415 when the request is not multipart, a
 * field error `fieldKey` when the part is missing or named otherwise). Call it after the checks of who
 * may upload, so a refused upload is never read.
 */
export async function uploadedFile(req: FastifyRequest, fieldKey: string): Promise<MultipartFile> {
  if (!req.isMultipart()) throw new AppError(415, "unsupported-media-type");
  const part = await req.file();
  if (part?.fieldname !== "file") throw badRequest([{ field: "file", key: fieldKey }]);
  return part;
}

/** An uploaded file as the services take it: its stream and the name it was sent with. */
export interface Upload {
  stream: MultipartFile["file"];
  fileName: string;
}

/**
 * The handler of a route that uploads one file (multipart field `file`) to the record `:id`: `allowed`
 * refuses who may not upload before the body is read, then `save` gets the file.
 */
export function uploadHandler<R>(
  fieldKey: string,
  allowed: (ctx: Ctx, id: string) => Promise<unknown>,
  save: (ctx: Ctx, id: string, file: Upload) => Promise<R>,
) {
  return async (ctx: Ctx, req: FastifyRequest<{ Params: { id: string } }>): Promise<R> => {
    await allowed(ctx, req.params.id);
    const part = await uploadedFile(req, fieldKey);
    return save(ctx, req.params.id, { stream: part.file, fileName: part.filename });
  };
}

/**
 * Audits every record-level refusal of a kind (an error class the services throw with the record's id)
 * in its own transaction, so the entry stays although the request's transaction rolled back.
 */
export function auditRefusalsOf<E extends Error>(
  app: FastifyInstance,
  kind: abstract new (...args: never[]) => E,
  entry: (
    err: E,
    req: FastifyRequest,
  ) => { action: string; entity: string; entityId: string; after: Record<string, unknown> },
) {
  app.addHook("onError", async (req, _reply, err) => {
    if (!(err instanceof kind) || !req.actor) return;
    const actor = req.actor;
    const { after, ...what } = entry(err as E, req);
    try {
      await req.server.services.database.db.transaction((tx) =>
        writeAudit(
          tx,
          { actorId: actor.id, ip: req.ip || null },
          { ...what, after: { email: actor.email, ...after } },
        ),
      );
    } catch (e) {
      req.log.error({ err: e }, `could not audit a refused ${what.entity}`);
    }
  });
}
