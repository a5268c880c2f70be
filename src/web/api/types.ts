/**
 * The API's shapes as the web app sees them, taken from the types generated from the server's OpenAPI
 * document (`npm run openapi`): a change of a server contract is a type error here, not a surprise in a
 * browser. Feature `types.ts` files name these shapes; none re-declares one.
 */
import type { components, operations, paths } from "./schema";

export type Schemas = components["schemas"];

type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends infer O
  ? O extends { responses: unknown }
    ? O
    : never
  : never;
type Json<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Success<R> = 200 extends keyof R ? R[200] : 201 extends keyof R ? R[201] : never;

/** The JSON body of the success answer of `M P`, e.g. `ResponseOf<"/api/directory", "get">`. */
export type ResponseOf<P extends keyof paths, M extends Method> = Json<Success<Operation<P, M>["responses"]>>;

type ProblemJson<R> = R extends { content: { "application/problem+json": infer B } } ? B : never;

/**
 * The problem `M P` answers with for status `S`, where the route declares one with members of its own
 * (the server's `problemAnswer`), e.g. `ProblemOf<"/api/organizations", "post", 409>`.
 */
export type ProblemOf<
  P extends keyof paths,
  M extends Method,
  S extends keyof Operation<P, M>["responses"],
> = ProblemJson<Operation<P, M>["responses"][S]>;

/** The JSON request body of `M P`. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    requestBody?: { content: { "application/json": infer B } };
  }
    ? B
    : never;

/** The query parameters of `M P`. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

export type { operations, paths };
