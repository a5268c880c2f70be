import { Button, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { renderWithApp } from "../test/render";
import { applyServerErrors, type FormProblem } from "./forms";
import { ProblemAlert } from "./ProblemAlert";

const problem = new ApiError({
  type: "https://innocluster.example/problems/validation",
  title: "Проверьте поля",
  status: 400,
  detail: "Некоторые поля заполнены неверно",
  errors: [
    { field: "email", message: "Адрес занят" },
    { field: "criteria.ageYears.min", message: "Не меньше нуля" },
    { field: "captcha", message: "Задача не решена" },
  ],
});

function Form({ named = false }: { named?: boolean }) {
  const form = useForm({ initialValues: { email: "", criteria: { ageYears: { min: "" } } } });
  const [shown, setShown] = useState<FormProblem | null>(null);
  return (
    <form
      onSubmit={form.onSubmit(() => setShown(applyServerErrors(form, problem, { namedDetails: named })))}
      noValidate
    >
      <ProblemAlert problem={shown} />
      <TextInput label="Почта" {...form.getInputProps("email")} />
      <TextInput label="Возраст от" {...form.getInputProps("criteria.ageYears.min")} />
      <Button type="submit">Сохранить</Button>
    </form>
  );
}

describe("applyServerErrors", () => {
  it("puts each field error next to its field, nested paths too, and the rest in the alert", async () => {
    const { user } = renderWithApp(<Form />);
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    expect(screen.getByText("Адрес занят")).toBeTruthy();
    expect(screen.getByLabelText("Почта").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Не меньше нуля")).toBeTruthy();
    expect(screen.getByLabelText("Возраст от").getAttribute("aria-invalid")).toBe("true");
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Некоторые поля заполнены неверно");
    expect(alert.textContent).toContain("Задача не решена");
    expect(alert.textContent).not.toContain("Адрес занят");
  });

  it("can name the field of an error the form has no input for", async () => {
    const { user } = renderWithApp(<Form named />);
    await user.click(screen.getByRole("button", { name: "Сохранить" }));
    expect(screen.getByRole("alert").textContent).toContain("captcha: Задача не решена");
  });
});
