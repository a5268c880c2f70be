/** The API's answers as a stubbed `fetch` gives them in web tests. */

/** A JSON answer (204: none). */
export const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });

/** The server's 400 refusal of one field (problem+json, as `badRequest` sends it). */
export const fieldRefused = (field: string, message: string) =>
  new Response(
    JSON.stringify({
      type: "about:blank",
      status: 400,
      code: "validation",
      title: "Проверьте поля",
      errors: [{ field, message }],
    }),
    { status: 400, headers: { "content-type": "application/problem+json" } },
  );
