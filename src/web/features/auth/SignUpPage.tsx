import { Anchor, Button, Checkbox, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { PRIVACY_POLICY_VERSION } from "../../../shared/constants";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { AccountPasswordField, EmailField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { currentLocale } from "../../i18n";
import { passableNext, withNext } from "../../next";
import { AuthCard, AuthNotice } from "./AuthCard";
import { ResendButton } from "./ResendConfirmation";

interface SignUpValues {
  email: string;
  fullName: string;
  password: string;
  consent: boolean;
}

export default function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signUp.title"));
  const v = validators(t);
  // Where to go after signing in: kept in the links to sign-in and in the confirmation mail's link.
  const [params] = useSearchParams();
  const next = passableNext(params.get("next"));
  const signInLink = withNext("/signin", next);
  // The address the mail went to, shown on the "check your mail" screen.
  const [sent, setSent] = useState<{ email: string } | null>(null);

  const form = useForm<SignUpValues>({
    mode: "uncontrolled",
    initialValues: { email: "", fullName: "", password: "", consent: false },
    validate: {
      email: v.email,
      fullName: v.fullName,
      password: v.password,
      consent: (value) => (value ? null : t("auth.signUp.consentRequired")),
    },
  });

  const problem = useFormProblem(form);
  const challenge = useChallenge();
  const signUp = useMutation({
    mutationFn: (values: SignUpValues) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/auth/signup", {
            body: {
              email: values.email.trim(),
              fullName: values.fullName.trim().replace(/\s+/g, " "),
              password: values.password,
              consent: values.consent as true, // the form does not submit without it
              policyVersion: PRIVACY_POLICY_VERSION,
              locale: currentLocale(),
              ...(next ? { next } : {}),
              ...(altcha ? { altcha } : {}),
            },
          }),
        ),
      ),
    onSuccess: (_data, values) => setSent({ email: values.email.trim() }),
    onError: problem.fail,
  });

  const consentProps = form.getInputProps("consent", { type: "checkbox" });
  const consentError = typeof consentProps.error === "string" ? consentProps.error : null;

  if (sent) {
    return (
      <AuthCard title={t("auth.signUp.sentTitle")}>
        <AuthNotice
          message={
            <Trans
              i18nKey="auth.signUp.sentTo"
              values={{ email: sent.email }}
              components={{ email: <Text span fw={700} style={{ overflowWrap: "anywhere" }} /> }}
            />
          }
        >
          <Text>{t("auth.signUp.sentHint")}</Text>
          <Text size="sm">{t("auth.signUp.sentLink")}</Text>
          <ResendButton email={sent.email} next={next} />
          <Text size="sm">
            {t("auth.signUp.wrongAddress")}{" "}
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                form.setFieldValue("password", "");
                setSent(null);
              }}
            >
              {t("auth.signUp.changeAddress")}
            </Anchor>
          </Text>
          <Anchor component={Link} to={signInLink}>
            {t("auth.signUp.toSignIn")}
          </Anchor>
        </AuthNotice>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("auth.signUp.title")}>
      <ProblemForm form={form} problem={problem} onSubmit={(values) => signUp.mutate(values)}>
        <EmailField form={form} />
        <TextInput
          label={t("auth.fields.fullName")}
          description={t("auth.signUp.fullNameHint")}
          autoComplete="name"
          required
          key={form.key("fullName")}
          {...form.getInputProps("fullName")}
        />
        <AccountPasswordField form={form} name="password" kind="new" label={t("auth.fields.password")} />
        <Checkbox
          required
          label={
            <Trans
              i18nKey="auth.signUp.consent"
              components={{
                policy: <Anchor component={Link} to="/privacy" target="_blank" rel="noopener" inherit />,
              }}
            />
          }
          key={form.key("consent")}
          {...consentProps}
          error={Boolean(consentError)}
          aria-invalid={consentError ? true : undefined}
          aria-describedby={consentError ? "consent-error" : undefined}
        />
        {consentError && (
          <Text id="consent-error" size="sm" c="var(--mantine-color-error)" mt={-8}>
            {consentError}
          </Text>
        )}
        <ChallengeProgress solving={challenge.solving} />
        <Button type="submit" loading={signUp.isPending} fullWidth>
          {t("auth.signUp.submit")}
        </Button>
        <Text size="sm">
          {t("auth.signUp.haveAccount")}{" "}
          <Anchor component={Link} to={signInLink}>
            {t("auth.signUp.toSignIn")}
          </Anchor>
        </Text>
      </ProblemForm>
    </AuthCard>
  );
}
