// Every Russian message at once: for the server's renderer and the tests. The browser never loads it:
// there each module brings the Russian files it reads (the build's `ruTextsPerModule`, vite.config.ts).
import { type Dict, namespaces } from "./namespaces";

export default namespaces(
  import.meta.glob<Dict>("../../locales/ru/*.json", { eager: true, import: "default" }),
);
