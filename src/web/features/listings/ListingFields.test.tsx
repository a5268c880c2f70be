// The form of a kind comes from its declaration: one labelled input per declared field, "required" where
// the declaration says so, private fields saying who sees them; the empty form sends nothing and misses
// exactly the required fields; a field with a condition shows only while it holds (Moscow's okrug).
import { useForm } from "@mantine/form";
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import ru from "../../../locales/ru/listings.json";
import { fieldApplies, isPublic, LISTING_KINDS, type ListingKindName } from "../../../shared/listings";
import { renderWithApp } from "../../test/render";
import { type FormValues, initialValues, missingRequired, toInput, valuesBody } from "./formValues";
import { ListingFields } from "./ListingFields";

function Harness({ kind }: { kind: ListingKindName }) {
  const form = useForm<FormValues>({ initialValues: initialValues(LISTING_KINDS[kind], "") });
  return <ListingFields kind={kind} form={form} />;
}

const labelOf = (kind: ListingKindName, key: string) =>
  (ru.kinds[kind].fields as Record<string, string>)[key]!;

describe.each(Object.keys(LISTING_KINDS) as ListingKindName[])("the %s form", (kind) => {
  const declared = LISTING_KINDS[kind];

  it("has one labelled input per declared field, required and private as declared", async () => {
    renderWithApp(<Harness kind={kind} />);
    for (const f of declared.fields) {
      const label = labelOf(kind, f.key);
      if (!fieldApplies(f, {})) {
        // (a condition the empty form does not meet: hidden; see "a field with a condition" below)
        expect(screen.queryByLabelText(new RegExp(`^${label}`)), f.key).toBeNull();
        continue;
      }
      if (f.type === "range") {
        const from = screen.getByLabelText(`${label}: от`);
        expect(from.hasAttribute("required"), f.key).toBe(f.required === true);
        expect(screen.getByLabelText(`${label}: до`)).toBeTruthy();
      } else if (f.type === "multiEnum") {
        const group = screen.getByRole("group", { name: new RegExp(`^${label}`) });
        expect(group.querySelectorAll("input[type=checkbox]")).toHaveLength(f.values.length);
      } else {
        const input = screen.getByLabelText(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), {
          selector: "input, textarea",
        });
        expect(input.hasAttribute("required") || input.getAttribute("aria-required") === "true", f.key).toBe(
          f.required === true,
        );
        if (!isPublic(f)) expect(input.getAttribute("aria-describedby"), f.key).toBeTruthy();
      }
    }
    expect(screen.queryAllByText(ru.field.private)).toHaveLength(
      declared.fields.filter((f) => !isPublic(f) && fieldApplies(f, {})).length,
    );
  });

  it("sends nothing from an empty form and misses exactly the required fields", () => {
    const empty = initialValues(declared, "").values;
    expect(valuesBody(declared, empty)).toEqual({});
    expect(missingRequired(declared, empty)).toEqual(
      declared.fields.filter((f) => f.required && fieldApplies(f, {})).map((f) => `values.${f.key}`),
    );
  });

  it("sends back what it was filled from", () => {
    const sample: Record<string, unknown> = {};
    for (const f of declared.fields)
      sample[f.key] =
        f.type === "number"
          ? 12
          : f.type === "range"
            ? { from: 3, to: null }
            : f.type === "enum"
              ? f.values[0]
              : f.type === "multiEnum"
                ? [f.values[1], f.values[0]]
                : f.type === "date"
                  ? "2027-03-01"
                  : f.type === "boolean"
                    ? true
                    : "Текст";
    // the conditions met, so that every field applies
    for (const f of declared.fields) if (f.when) sample[f.when.field] = f.when.in[0];
    const inputs = Object.fromEntries(
      declared.fields.map((f) => [f.key, toInput(f, sample[f.key] as never)]),
    );
    expect(valuesBody(declared, inputs)).toEqual(sample);
  });
});

describe("a field with a condition", () => {
  it("shows Moscow's okrug and district only while the region is Moscow, and sends them only then", async () => {
    let values: Record<string, unknown> = {};
    function Premises() {
      const form = useForm<FormValues>({
        initialValues: initialValues(LISTING_KINDS.premises, ""),
        onValuesChange: (v) => {
          values = v.values;
        },
      });
      return <ListingFields kind="premises" form={form} />;
    }
    const { user } = renderWithApp(<Premises />);
    const okrug = () => screen.queryByLabelText(/^Административный округ Москвы/, { selector: "input" });
    const district = () => screen.queryByLabelText(/^Район или поселение/, { selector: "input" });
    expect(okrug()).toBeNull();
    expect(district()).toBeNull();

    const region = screen.getByLabelText(/^Регион/, { selector: "input" });
    await user.click(region);
    await user.type(region, "Москва");
    await user.click(await screen.findByRole("option", { name: "Москва", hidden: true }));
    expect(okrug()).not.toBeNull();
    expect(okrug()?.getAttribute("aria-required") ?? okrug()?.getAttribute("required")).not.toBeNull();
    const premises = LISTING_KINDS.premises;
    expect(missingRequired(premises, values as never)).toContain("values.okrug");
    // The districts offered are the chosen okrug's: none before it, the centre's ten after.
    expect((district() as HTMLInputElement | null)?.disabled).toBe(true);
    await user.click(okrug()!);
    await user.click(await screen.findByRole("option", { name: "Центральный (ЦАО)", hidden: true }));
    await user.click(district()!);
    const listbox = await waitFor(
      () => document.getElementById(district()!.getAttribute("aria-controls") ?? "")!,
    );
    const offered = within(listbox).getAllByRole("option", { hidden: true });
    expect(offered.map((o) => o.textContent)).toContain("Хамовники");
    expect(offered.map((o) => o.textContent)).not.toContain("Строгино");
    expect(offered).toHaveLength(10);
    await user.click(await screen.findByRole("option", { name: "Хамовники", hidden: true }));
    expect(valuesBody(premises, values as never)).toMatchObject({
      region: "77",
      okrug: "cao",
      district: "khamovniki",
    });
    // Another okrug: the centre's district left its list and is cleared.
    await user.click(okrug()!);
    await user.click(await screen.findByRole("option", { name: "Северо-Западный (СЗАО)", hidden: true }));
    await waitFor(() => expect(values.district ?? null).toBeNull());
    await user.click(district()!);
    await user.click(await screen.findByRole("option", { name: "Строгино", hidden: true }));

    // Another region: both hide, and the district typed is kept in the form but not sent.
    await user.clear(region);
    await user.type(region, "Московская");
    await user.click(await screen.findByRole("option", { name: "Московская область", hidden: true }));
    expect(okrug()).toBeNull();
    expect(district()).toBeNull();
    expect(values.district).toBe("strogino");
    expect(valuesBody(premises, values as never)).not.toHaveProperty("district");
    expect(missingRequired(premises, values as never)).not.toContain("values.okrug");
  });
});
