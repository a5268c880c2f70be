import { Button } from "@mantine/core";
import { useForm } from "@mantine/form";
import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api";
import { renderWithApp } from "../test/render";
import { AccountPasswordField, EmailField, ProblemForm, useFormProblem } from "./ProblemForm";

const taken = new ApiError({
  type: "https://innocluster.example/problems/validation",
  title: "Проверьте поля",
  status: 400,
  detail: "Некоторые поля заполнены неверно",
  errors: [{ field: "email", message: "Адрес занят" }],
});

/** A sign-up-like form whose "server" refuses the first submission and accepts the next. */
function SignUp({ sent }: { sent: string[] }) {
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "", password: "", passwordRepeat: "" },
    validate: { email: (v) => (v.includes("@") ? null : "Нужен адрес") },
  });
  const problem = useFormProblem(form);
  return (
    <ProblemForm
      form={form}
      problem={problem}
      lead={<p>Создайте учётную запись</p>}
      onSubmit={(values) => {
        sent.push(values.email);
        if (sent.length === 1) problem.fail(taken);
      }}
    >
      <EmailField form={form} />
      <AccountPasswordField form={form} name="password" kind="new" />
      <AccountPasswordField form={form} name="passwordRepeat" kind="repeat" />
      <Button type="submit">Зарегистрироваться</Button>
    </ProblemForm>
  );
}

describe("ProblemForm", () => {
  it("does not submit invalid values and moves the focus to the first invalid field", async () => {
    const sent: string[] = [];
    const { user } = renderWithApp(<SignUp sent={sent} />);
    expect(screen.getByText("Создайте учётную запись")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Зарегистрироваться" }));
    expect(sent).toEqual([]);
    expect(screen.getByText("Нужен адрес")).toBeTruthy();
    await new Promise((r) => requestAnimationFrame(r));
    expect(document.activeElement).toBe(screen.getByLabelText(/Электронная почта/));
  });

  it("shows the server's problem above the fields and its field error on the field, and clears it on the next submit", async () => {
    const sent: string[] = [];
    const { user } = renderWithApp(<SignUp sent={sent} />);
    await user.type(screen.getByLabelText(/Электронная почта/), "ivanov@example.ru");
    await user.click(screen.getByRole("button", { name: "Зарегистрироваться" }));
    expect(screen.getByRole("alert").textContent).toContain("Некоторые поля заполнены неверно");
    expect(screen.getByText("Адрес занят")).toBeTruthy();
    expect(screen.getByLabelText(/Электронная почта/).getAttribute("aria-invalid")).toBe("true");
    await user.click(screen.getByRole("button", { name: "Зарегистрироваться" }));
    expect(sent).toEqual(["ivanov@example.ru", "ivanov@example.ru"]);
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

describe("EmailField and AccountPasswordField", () => {
  it("are required fields with the account's labels, the new password with its length hint", () => {
    renderWithApp(<SignUp sent={[]} />);
    const email = screen.getByLabelText(/Электронная почта/);
    expect(email.getAttribute("type")).toBe("email");
    expect(email.getAttribute("autocomplete")).toBe("email");
    expect(email.hasAttribute("required")).toBe(true);
    const password = screen.getByLabelText(/^Новый пароль/);
    expect(password.getAttribute("autocomplete")).toBe("new-password");
    expect(screen.getByText(/От \d+ до \d+ символов/)).toBeTruthy();
    expect(screen.getByLabelText(/^Повторите пароль/).getAttribute("autocomplete")).toBe("new-password");
  });

  it("offer the address for the saved password and the current password on a sign-in form", () => {
    function SignIn() {
      const form = useForm({ mode: "uncontrolled", initialValues: { email: "", password: "" } });
      return (
        <ProblemForm form={form} problem={useFormProblem(form)} onSubmit={() => {}}>
          <EmailField form={form} autoComplete="username" />
          <AccountPasswordField form={form} name="password" kind="current" />
        </ProblemForm>
      );
    }
    renderWithApp(<SignIn />);
    expect(screen.getByLabelText(/Электронная почта/).getAttribute("autocomplete")).toBe("username");
    expect(screen.getByLabelText(/^Пароль/).getAttribute("autocomplete")).toBe("current-password");
    expect(screen.queryByText(/символов/)).toBeNull();
  });

  it("forgets typed values and the last problem when discarded (a modal closed)", async () => {
    function Block() {
      const form = useForm({ mode: "uncontrolled", initialValues: { email: "" } });
      const problem = useFormProblem(form);
      return (
        <ProblemForm form={form} problem={problem} onSubmit={() => problem.fail(taken)}>
          <EmailField form={form} />
          <Button type="submit">Отправить</Button>
          <Button onClick={problem.discard}>Отмена</Button>
        </ProblemForm>
      );
    }
    const { user } = renderWithApp(<Block />);
    await user.type(screen.getByLabelText(/Электронная почта/), "ivanov@example.ru");
    await user.click(screen.getByRole("button", { name: "Отправить" }));
    expect(screen.getByRole("alert")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Отмена" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect((screen.getByLabelText(/Электронная почта/) as HTMLInputElement).value).toBe("");
    expect(screen.queryByText("Адрес занят")).toBeNull();
  });
});
