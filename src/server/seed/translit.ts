// The demo's transliteration is the shared one (src/shared/translit.ts: also news articles' addresses).
export { latin } from "../../shared/translit.js";
