// The change of a published listing as the operator reads it: only what differs, in the page's order.
import { describe, expect, it } from "vitest";
import { PUBLISHED_PREMISES } from "./listingDiff.fixtures.js";
import { contentChanges, type DiffContent } from "./listingDiff.js";
import { LISTING_KINDS } from "./listings.js";

const published: DiffContent = { ...PUBLISHED_PREMISES, descriptionEn: "" };

describe("the changes of a listing's content", () => {
  it("are none when nothing a page shows differs: a list in another order, «no» for nothing, an empty English text", () => {
    const same = {
      ...published,
      descriptionEn: null,
      values: { ...published.values, amenities: ["parking", "crane"], area: { from: 200, to: 400 } },
    };
    expect(contentChanges(LISTING_KINDS.premises, published, same)).toEqual([]);
  });

  it("name each changed text and field in the page's order, with the values before and after", () => {
    const after: DiffContent = {
      ...published,
      titleEn: "Production hall with an overhead crane",
      values: {
        ...published.values,
        price: 1500,
        amenities: ["crane", "power_380v"],
        floor: "1",
        okrug: "yuao",
        cadastralNumber: "77:05:0001001:777",
      },
    };
    delete (after.values as Record<string, unknown>).address;
    const changes = contentChanges(LISTING_KINDS.premises, published, after);
    expect(changes.map((c) => c.key)).toEqual([
      "titleEn",
      "price",
      "address",
      "floor",
      "amenities",
      "cadastralNumber",
    ]);
    expect(changes[0]).toEqual({
      kind: "text",
      key: "titleEn",
      before: null,
      after: "Production hall with an overhead crane",
    });
    expect(changes.find((c) => c.key === "price")).toMatchObject({ before: 1300, after: 1500 });
    expect(changes.find((c) => c.key === "address")).toMatchObject({
      before: "Москва, Варшавское шоссе, д. 1",
      after: undefined,
    });
    expect(changes.find((c) => c.key === "amenities")).toMatchObject({
      added: ["power_380v"],
      removed: ["parking"],
    });
  });

  it("see a range's end and a yes/no field turned on", () => {
    const rfq = LISTING_KINDS.rfq;
    const before: DiffContent = {
      ...published,
      values: { process: "cnc_milling", quantity: 500, deadline: "2099-12-31", regionRequired: false },
    };
    const after: DiffContent = {
      ...before,
      values: { ...before.values, regionRequired: true, region: "77" },
    };
    expect(contentChanges(rfq, before, after).map((c) => [c.key, c.before, c.after])).toEqual([
      ["region", undefined, "77"],
      ["regionRequired", undefined, true],
    ]);
    const premises = LISTING_KINDS.premises;
    const wider = { ...published, values: { ...published.values, area: { from: 200, to: null } } };
    expect(contentChanges(premises, published, wider).map((c) => c.key)).toEqual(["area"]);
  });
});
