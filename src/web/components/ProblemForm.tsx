import { Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../shared/constants";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "./forms";
import { PasswordField } from "./PasswordField";
import { ProblemAlert } from "./ProblemAlert";

/** The server's last answer to a form: `fail` (a mutation's onError) puts its field errors on the fields. */
export interface FormProblemState {
  problem: FormProblem | null;
  clear(): void;
  fail(error: unknown): void;
  /** The form back to its first values and no problem shown (a modal's form when it closes). */
  discard(): void;
}

// biome-ignore lint/suspicious/noExplicitAny: works with a form of any shape
export function useFormProblem(form: UseFormReturnType<any>): FormProblemState {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  return {
    problem,
    clear: () => setProblem(null),
    fail: (error) => setProblem(applyServerErrors(form, error)),
    discard: () => {
      form.reset();
      setProblem(null);
    },
  };
}

interface ProblemFormProps<V> {
  form: UseFormReturnType<V>;
  problem: FormProblemState;
  /** With values that passed the form's checks (the last problem is cleared first). */
  onSubmit(values: V): void;
  /** Above the problem: the form's lead. */
  lead?: ReactNode;
  problemTitle?: string;
  gap?: "sm" | "md";
  maw?: number;
  children: ReactNode;
}

/**
 * A form that checks its values (the focus goes to the first invalid field), clears the last problem
 * and submits; the server's problem is shown above the fields, its field errors on the fields.
 */
export function ProblemForm<V>({
  form,
  problem,
  onSubmit,
  lead,
  problemTitle,
  gap = "md",
  maw,
  children,
}: ProblemFormProps<V>) {
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        problem.clear();
        onSubmit(values as V);
      }, focusFirstInvalid)}
    >
      <Stack gap={gap} maw={maw}>
        {lead}
        <ProblemAlert problem={problem.problem} title={problemTitle} />
        {children}
      </Stack>
    </form>
  );
}

interface FieldProps {
  // biome-ignore lint/suspicious/noExplicitAny: works with a form of any shape
  form: UseFormReturnType<any>;
  /** The value's path in the form. */
  name: string;
}

/** The account's e-mail; "username" lets password managers fill it on sign-in pages. */
export function EmailField({
  form,
  name = "email",
  autoComplete = "email",
}: Partial<FieldProps> & Pick<FieldProps, "form"> & { autoComplete?: "email" | "username" }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t("auth.fields.email")}
      type="email"
      autoComplete={autoComplete}
      required
      key={form.key(name)}
      {...form.getInputProps(name)}
    />
  );
}

/**
 * An account's password: the one in use (`current`), a new one with the length hint (`new`), or the new
 * one again (`repeat`), each with what password managers expect.
 */
export function AccountPasswordField({
  form,
  name,
  kind,
  label,
  ...rest
}: FieldProps & { kind: "current" | "new" | "repeat"; label?: string; "data-autofocus"?: boolean }) {
  const { t } = useTranslation();
  const defaults = {
    current: t("auth.fields.password"),
    new: t("auth.fields.newPassword"),
    repeat: t("auth.fields.passwordRepeat"),
  };
  return (
    <PasswordField
      label={label ?? defaults[kind]}
      description={
        kind === "new"
          ? t("common.validation.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })
          : undefined
      }
      autoComplete={kind === "current" ? "current-password" : "new-password"}
      required
      {...rest}
      key={form.key(name)}
      {...form.getInputProps(name)}
    />
  );
}
