// `npm start`: builds the web app when its sources changed — in a child process, while the server
// migrates and seeds in this one (pages answer "starting" until the build is there) — and the server
// when its sources changed (esbuild, well under a second), then runs the compiled server in this same
// process, so signals reach it directly. No TypeScript loader runs in production.
import { buildServer, SERVER_ENTRY } from "./build-server.mjs";
import { buildWeb } from "./build-web.mjs";

buildWeb().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
try {
  await buildServer();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
process.setSourceMapsEnabled(true);
await import(SERVER_ENTRY);
