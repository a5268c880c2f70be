import { anyone, defineRules } from "../../core/policy.js";

// The development mailbox is open to anyone: it exists only outside production.
defineRules({ "dev.mail.read": anyone });
