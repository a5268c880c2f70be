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

/** `GET /api/me` of a signed-in user (Russian, a plain user, e-mail confirmed). */
export const signedInMe = () =>
  json({
    user: {
      id: "6a7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a6b",
      email: "m@example.ru",
      fullName: "Иванов Сергей Петрович",
      role: "user",
      locale: "ru",
      emailConfirmed: true,
      createdAt: "2026-01-01T00:00:00.000Z",
    },
    abilities: {},
  });
