import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../../shared/constants";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { PasswordField } from "../../components/PasswordField";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { AuthCard } from "./AuthCard";

/** `/reset` — ask for a reset link by e-mail. */
function RequestResetForm() {
  const { t } = useTranslation();
  const v = validators(t);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm({ mode: "uncontrolled", initialValues: { email: "" }, validate: { email: v.email } });
  const challenge = useChallenge();
  const request = useMutation({
    mutationFn: (email: string) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/auth/password-reset", {
            body: { email: email.trim(), ...(altcha ? { altcha } : {}) },
          }),
        ),
      ),
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });

  if (request.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="indigo" variant="light" role="status">
          {request.data.message}
        </Alert>
        <Anchor component={Link} to="/signin">
          {t("auth.reset.toSignIn")}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        request.mutate(values.email);
      }, focusFirstInvalid)}
    >
      <Stack gap="md">
        <Text>{t("auth.reset.requestLead")}</Text>
        <ProblemAlert problem={problem} />
        <TextInput
          label={t("auth.fields.email")}
          type="email"
          autoComplete="email"
          required
          key={form.key("email")}
          {...form.getInputProps("email")}
        />
        <ChallengeProgress solving={challenge.solving} />
        <Button type="submit" loading={request.isPending} fullWidth>
          {t("auth.reset.requestSubmit")}
        </Button>
        <Anchor component={Link} to="/signin" size="sm">
          {t("auth.reset.toSignIn")}
        </Anchor>
      </Stack>
    </form>
  );
}

/** `/reset?token=…` — choose a new password. */
function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { password: "", passwordRepeat: "" },
    validate: {
      password: v.password,
      passwordRepeat: (value, values) =>
        value === values.password ? null : t("common.validation.passwordsDiffer"),
    },
  });
  const reset = useMutation({
    mutationFn: (password: string) =>
      unwrap(client.POST("/api/auth/password-reset/confirm", { body: { token, password } })),
    onError: (error) => setProblem(applyServerErrors(form, error)),
  });

  if (reset.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="indigo" variant="light" role="status">
          {reset.data.message}
        </Alert>
        <Button component={Link} to="/signin" style={{ alignSelf: "flex-start" }}>
          {t("auth.reset.toSignIn")}
        </Button>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        reset.mutate(values.password);
      }, focusFirstInvalid)}
    >
      <Stack gap="md">
        <ProblemAlert problem={problem} />
        {problem && (
          <Anchor component={Link} to="/reset" size="sm">
            {t("auth.reset.requestAgain")}
          </Anchor>
        )}
        <PasswordField
          label={t("auth.fields.newPassword")}
          description={t("common.validation.passwordHint", { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          autoComplete="new-password"
          required
          key={form.key("password")}
          {...form.getInputProps("password")}
        />
        <PasswordField
          label={t("auth.fields.passwordRepeat")}
          autoComplete="new-password"
          required
          key={form.key("passwordRepeat")}
          {...form.getInputProps("passwordRepeat")}
        />
        <Button type="submit" loading={reset.isPending} fullWidth>
          {t("auth.reset.submit")}
        </Button>
      </Stack>
    </form>
  );
}

export default function ResetPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get("token");
  const title = token ? t("auth.reset.newTitle") : t("auth.reset.requestTitle");
  usePageTitle(title);
  return (
    <AuthCard title={title}>{token ? <NewPasswordForm token={token} /> : <RequestResetForm />}</AuthCard>
  );
}
