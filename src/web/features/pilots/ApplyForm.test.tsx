// @vitest-environment jsdom
// The application form: what the company fills in reaches the submit as one set of values, and the
// server's field errors (dates in order) are shown at their fields.
import { fireEvent, screen } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api";
import { renderWithApp } from "../../test/render";
import { ApplyForm, type ApplyValues } from "./ApplyForm";

const ORG = { id: "5f7c1f0e-3b7a-4d8e-9a53-1c2d3e4f5a61", shortName: "ООО «Очередь»" };
const START: ApplyValues = {
  organizationId: ORG.id,
  solution: "",
  trl: 6,
  expectedEffect: "",
  team: "",
  needs: "",
  dateFrom: "",
  dateTo: "",
  operatorAssisted: false,
  publishResult: true,
};

function Harness({ onSubmit, error }: { onSubmit: (v: ApplyValues) => void; error?: unknown }) {
  const [v, setV] = useState(START);
  return (
    <ApplyForm
      v={v}
      set={(p) => setV((x) => ({ ...x, ...p }))}
      organizations={[ORG]}
      onSubmit={() => onSubmit(v)}
      pending={false}
      error={error ?? null}
    />
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("the pilot application form", () => {
  it("sends what the company filled in, with the operator's accompaniment asked for", async () => {
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
    const onSubmit = vi.fn();
    renderWithApp(<Harness onSubmit={onSubmit} />);
    const type = (label: RegExp, value: string) =>
      fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type(/^Решение/, "Компьютерное зрение для очередей в приёмном отделении");
    type(/^Ожидаемый эффект/, "Ожидание короче на 20%");
    type(/^Команда/, "Пять инженеров");
    type(/^Что нужно от площадки/, "Две камеры");
    type(/^Начало/, "2026-03-01");
    type(/^Окончание/, "2026-08-31");
    fireEvent.click(screen.getByLabelText(/С сопровождением оператора/));
    fireEvent.click(screen.getByRole("button", { name: "Отправить заявку" }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        organizationId: ORG.id,
        solution: "Компьютерное зрение для очередей в приёмном отделении",
        dateTo: "2026-08-31",
        operatorAssisted: true,
        publishResult: true,
      }),
    );
  });

  it("shows the server's field error at its field", async () => {
    vi.stubGlobal("fetch", async () => new Response("{}", { status: 200 }));
    const error = new ApiError({
      type: "/problems/validation",
      title: "Проверьте поля",
      status: 400,
      errors: [{ field: "dateTo", message: "Дата окончания не может быть раньше даты начала" }],
    } as never);
    renderWithApp(<Harness onSubmit={() => {}} error={error} />);
    expect(await screen.findByText("Дата окончания не может быть раньше даты начала")).toBeTruthy();
  });
});
