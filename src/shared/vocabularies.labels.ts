/**
 * Where each vocabulary's labels are (src/shared/vocabularies.ts and the lists kept in their own
 * files). `keys`: i18n key prefixes in the web catalogues, `${prefix}.${value}` in every language
 * (`extra`: keys under a prefix that are not values, such as an "all" option); `data`: label tables built
 * from the shared catalogue (src/locales/<lang>/shared/vocabulary.json, see catalogue.ts), because server
 * texts and shared code (eligibility explanations, notifications) use them.
 * vocabularies.test.ts checks both ways: no value without a label, no label without a value.
 */

import { LOCALES, type Locale, ROLES } from "./constants.js";
import { ELIGIBILITY_FLAG_LABELS, ELIGIBILITY_FLAGS, REQUIRED_STATUSES } from "./eligibility.js";
import {
  AMENITIES,
  AMENITY_LABELS,
  CERTIFICATION_LABELS,
  CERTIFICATIONS,
  LISTING_STATES,
  MANUFACTURING_PROCESSES,
  MATERIAL_LABELS,
  MATERIALS,
  MOSCOW_OKRUGS,
  OKRUG_LABELS,
  PREMISES_TYPE_LABELS,
  PREMISES_TYPES,
  PRICE_UNIT_LABELS,
  PRICE_UNITS,
  PROCESS_LABELS,
} from "./listings.js";
import {
  MEMBER_ROLE_LABELS,
  MEMBER_ROLES,
  ORG_STATUS_LABELS,
  ORG_STATUSES,
  ORG_TYPE_LABELS,
  ORG_TYPE_SHORT_LABELS,
  ORG_TYPES,
  SME_CATEGORIES,
  SME_CATEGORY_LABELS,
} from "./organizations.js";
import {
  AMOUNT_BUCKET_KEYS,
  APPLICATION_DECISIONS,
  APPLICATION_STATES,
  CRITERION_RESULTS,
  INVITATION_STATES,
  JOIN_REQUEST_STATES,
  MEASURE_FORMS,
  MEASURE_LEVELS,
  MEASURE_SORTS,
  MEASURE_STATUSES,
  NAME_CHANGE_QUEUE_STATES,
  NOTIFICATION_CHANNELS,
  PROVIDER_KINDS,
  VERDICTS,
  VERIFICATION_DECISIONS,
  VERIFICATION_DOCUMENTS,
  VERIFICATION_KINDS,
  VERIFICATION_STATES,
} from "./vocabularies.js";

export type LabelledVocabulary = {
  values: readonly string[];
  keys?: readonly string[];
  extra?: readonly string[];
  data?: readonly Readonly<Record<string, Readonly<Record<Locale, string>>>>[];
};

export const VOCABULARY_LABELS: Readonly<Record<string, LabelledVocabulary>> = {
  measureStatus: { values: MEASURE_STATUSES, keys: ["measures.status"] },
  measureLevel: { values: MEASURE_LEVELS, keys: ["measures.level"] },
  measureForm: { values: MEASURE_FORMS, keys: ["measures.form"] },
  providerKind: { values: PROVIDER_KINDS, keys: ["measures.providerKind"] },
  amountBucket: { values: AMOUNT_BUCKET_KEYS, keys: ["measures.amountBucket"], extra: ["any"] },
  measureSort: { values: MEASURE_SORTS, keys: ["measures.sort"], extra: ["label"] },
  verdict: { values: VERDICTS, keys: ["measures.verdict"] },
  criterionResult: { values: CRITERION_RESULTS, keys: ["measures.result"] },
  eligibilityFlag: {
    values: ELIGIBILITY_FLAGS,
    keys: ["organizations.form.flags.names"],
    data: [ELIGIBILITY_FLAG_LABELS],
  },
  requiredStatus: { values: REQUIRED_STATUSES, keys: ["organizations.status.apply"] },
  notificationChannel: { values: NOTIFICATION_CHANNELS, keys: ["notifications.channels"] },
  role: { values: ROLES, keys: ["common.roles"] },
  locale: { values: LOCALES },
  orgType: {
    values: ORG_TYPES,
    keys: ["organizations.form.typeDescriptions"],
    data: [ORG_TYPE_LABELS, ORG_TYPE_SHORT_LABELS],
  },
  orgStatus: {
    values: ORG_STATUSES,
    keys: ["organizations.status.explain", "directory.org.since"],
    data: [ORG_STATUS_LABELS],
  },
  memberRole: { values: MEMBER_ROLES, data: [MEMBER_ROLE_LABELS] },
  smeCategory: { values: SME_CATEGORIES, data: [SME_CATEGORY_LABELS] },
  applicationState: { values: APPLICATION_STATES, keys: ["organizations.application.state"] },
  applicationDecision: {
    values: APPLICATION_DECISIONS,
    keys: ["operator.application.outcome", "operator.application.done"],
  },
  nameChangeQueueState: {
    values: NAME_CHANGE_QUEUE_STATES,
    keys: ["operator.nameChanges.states", "operator.nameChanges.empty"],
  },
  joinRequestState: { values: JOIN_REQUEST_STATES, keys: ["organizations.joinRequestState"] },
  invitationState: { values: INVITATION_STATES, keys: ["organizations.invitations.states"] },
  verificationKind: { values: VERIFICATION_KINDS, keys: ["verification.kind"], extra: ["all"] },
  verificationState: { values: VERIFICATION_STATES, keys: ["verification.state"] },
  verificationDocument: { values: VERIFICATION_DOCUMENTS, keys: ["verification.documentType"] },
  manufacturingProcess: { values: MANUFACTURING_PROCESSES, data: [PROCESS_LABELS] },
  material: { values: MATERIALS, data: [MATERIAL_LABELS] },
  certification: { values: CERTIFICATIONS, data: [CERTIFICATION_LABELS] },
  premisesType: { values: PREMISES_TYPES, data: [PREMISES_TYPE_LABELS] },
  okrug: { values: MOSCOW_OKRUGS, data: [OKRUG_LABELS] },
  amenity: { values: AMENITIES, data: [AMENITY_LABELS] },
  priceUnit: { values: PRICE_UNITS, data: [PRICE_UNIT_LABELS] },
  listingState: { values: LISTING_STATES, keys: ["listings.state"] },
  verificationDecision: {
    values: VERIFICATION_DECISIONS,
    keys: ["verification.operator.options", "verification.operator.submit"],
  },
};
