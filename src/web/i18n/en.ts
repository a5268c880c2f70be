// The English messages: one chunk, fetched when a visitor chooses English (see index.ts).
import { addSharedTexts, type File } from "../../shared/catalogue";
import { type Dict, namespaces } from "./namespaces";

// The shared catalogue's English (the vocabularies' labels, explained eligibility, the exchanges'
// vocabularies): the web build leaves it out of the code reading it (src/shared/catalogue.ts).
for (const [path, file] of Object.entries(
  import.meta.glob<File>("../../locales/en/shared/*.json", { eager: true, import: "default" }),
))
  addSharedTexts("en", path.replace(/^.*\/|\.json$/g, ""), file);

export default namespaces(
  import.meta.glob<Dict>("../../locales/en/*.json", { eager: true, import: "default" }),
);
