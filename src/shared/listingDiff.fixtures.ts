// A published premises listing's content, for the tests of what a change changes (shared and web).
import type { DiffContent } from "./listingDiff.js";

export const PUBLISHED_PREMISES: DiffContent = {
  titleRu: "Производственный цех с кран-балкой",
  titleEn: null,
  descriptionRu: "Отапливаемый цех, высота потолков 8 метров.",
  descriptionEn: null,
  values: {
    premisesType: "production",
    area: { from: 200, to: 400 },
    priceUnit: "per_m2_month",
    price: 1300,
    region: "77",
    okrug: "yuao",
    address: "Москва, Варшавское шоссе, д. 1",
    amenities: ["crane", "parking"],
  },
};
