// The English messages: one chunk, fetched when a visitor chooses English (see index.ts).
import { type Dict, namespaces } from "./namespaces";

export default namespaces(
  import.meta.glob<Dict>("../../locales/en/*.json", { eager: true, import: "default" }),
);
