// `npm start`: builds the web app when its sources changed, then runs the server
// (TypeScript through tsx, in this same process, so signals reach it directly).
import { buildWeb } from "./build-web.mjs";

try {
  buildWeb();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
const { register } = await import("tsx/esm/api");
register();
await import("../src/server/main.ts");
