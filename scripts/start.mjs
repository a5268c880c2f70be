// `npm start`: builds the web app when its sources changed — in a child process, while the server
// migrates and seeds in this one (pages answer "starting" until the build is there) — and serves the
// platform. The server is TypeScript run through tsx in this same process, so signals reach it directly.
import { buildWeb } from "./build-web.mjs";

buildWeb().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
const { register } = await import("tsx/esm/api");
register();
await import("../src/server/main.ts");
