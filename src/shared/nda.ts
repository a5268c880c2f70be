// The platform's NDA text that an organization accepts to see the details and files of a listing behind
// an NDA (an order's `ndaRequired`). One text for the server, which records its version and hash with each
// acceptance, and the web, which shows it before the button; the Russian text is the binding one.
// A change of the text is a new NDA_VERSION (acceptances keep the version and hash they were given).

import enNda from "../locales/en/shared/nda.json" with { type: "json" };
import ruNda from "../locales/ru/shared/nda.json" with { type: "json" };
import { catalogue } from "./catalogue.js";

export const ndaTexts = catalogue("nda", { ru: ruNda, en: enNda });

/** The edition of the NDA text; bump it with any change of the Russian text. */
export const NDA_VERSION = "2026-1";
