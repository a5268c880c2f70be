import { Anchor, Button, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { AccountPasswordField, EmailField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { AuthCard, AuthNotice } from "./AuthCard";

/** `/reset` — ask for a reset link by e-mail. */
function RequestResetForm() {
  const { t } = useTranslation();
  const v = validators(t);
  const form = useForm({ mode: "uncontrolled", initialValues: { email: "" }, validate: { email: v.email } });
  const problem = useFormProblem(form);
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
    onError: problem.fail,
  });

  if (request.isSuccess) {
    return (
      <AuthNotice message={request.data.message}>
        <Anchor component={Link} to="/signin">
          {t("auth.reset.toSignIn")}
        </Anchor>
      </AuthNotice>
    );
  }

  return (
    <ProblemForm
      form={form}
      problem={problem}
      onSubmit={(values) => request.mutate(values.email)}
      lead={<Text>{t("auth.reset.requestLead")}</Text>}
    >
      <EmailField form={form} />
      <ChallengeProgress solving={challenge.solving} />
      <Button type="submit" loading={request.isPending} fullWidth>
        {t("auth.reset.requestSubmit")}
      </Button>
      <Anchor component={Link} to="/signin" size="sm">
        {t("auth.reset.toSignIn")}
      </Anchor>
    </ProblemForm>
  );
}

/** `/reset?token=…` — choose a new password. */
function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { password: "", passwordRepeat: "" },
    validate: {
      password: v.password,
      passwordRepeat: (value, values) =>
        value === values.password ? null : t("common.validation.passwordsDiffer"),
    },
  });
  const problem = useFormProblem(form);
  const reset = useMutation({
    mutationFn: (password: string) =>
      unwrap(client.POST("/api/auth/password-reset/confirm", { body: { token, password } })),
    onError: problem.fail,
  });

  if (reset.isSuccess) {
    return (
      <AuthNotice message={reset.data.message}>
        <Button component={Link} to="/signin" style={{ alignSelf: "flex-start" }}>
          {t("auth.reset.toSignIn")}
        </Button>
      </AuthNotice>
    );
  }

  return (
    <ProblemForm form={form} problem={problem} onSubmit={(values) => reset.mutate(values.password)}>
      {problem.problem && (
        <Anchor component={Link} to="/reset" size="sm">
          {t("auth.reset.requestAgain")}
        </Anchor>
      )}
      <AccountPasswordField form={form} name="password" kind="new" />
      <AccountPasswordField form={form} name="passwordRepeat" kind="repeat" />
      <Button type="submit" loading={reset.isPending} fullWidth>
        {t("auth.reset.submit")}
      </Button>
    </ProblemForm>
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
