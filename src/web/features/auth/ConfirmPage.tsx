import { Alert, Anchor, Button, Loader, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { AccountPasswordField } from "../../components/ProblemForm";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { passableNext, safeNext, withNext } from "../../next";
import { applyUserLocale, meKey } from "../../session";
import { AuthCard } from "./AuthCard";
import { authQueries } from "./queries";
import { ResendForm } from "./ResendConfirmation";

/** What to do when the link cannot be used: a new link by mail, or sign-in if already confirmed. */
function NewLinkHelp({ next }: { next?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} size="h4">
        {t("auth.confirm.resendTitle")}
      </Title>
      <Text size="sm">{t("auth.confirm.resendHint")}</Text>
      <ResendForm next={next} />
      <Text size="sm">
        {t("auth.confirm.alreadyConfirmed")}{" "}
        <Anchor component={Link} to={withNext("/signin", next)}>
          {t("auth.confirm.toSignIn")}
        </Anchor>
      </Text>
    </>
  );
}

/**
 * The password of the sign-up this link belongs to confirms the address and signs in; the link alone
 * is useless, so a mail sent for someone else's sign-up with this address cannot hand him the account.
 */
function ConfirmForm({ token, email, next }: { token: string; email: string; next?: string }) {
  const { t } = useTranslation();
  const v = validators(t);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [linkGone, setLinkGone] = useState(false);
  const challenge = useChallenge();
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { password: "" },
    validate: { password: v.required },
  });

  const confirm = useMutation({
    mutationFn: (password: string) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/auth/confirm", { body: { token, password, ...(altcha ? { altcha } : {}) } }),
        ),
      ),
    onSuccess: async ({ user }) => {
      await applyUserLocale(user);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
      await queryClient.invalidateQueries({ queryKey: meKey });
      navigate(safeNext(next), { replace: true });
    },
    onError: (error) => {
      setProblem(applyServerErrors(form, error));
      setLinkGone(error instanceof ApiError && error.is("invalid-token"));
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    },
  });

  return (
    <Stack gap="md">
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          confirm.mutate(values.password);
        }, focusFirstInvalid)}
      >
        <Stack gap="md">
          <Text>{t("auth.confirm.passwordLead")}</Text>
          <ProblemAlert problem={problem} title={t("auth.confirm.failedTitle")} />
          <TextInput
            label={t("auth.fields.email")}
            type="email"
            autoComplete="username"
            value={email}
            readOnly
          />
          <AccountPasswordField form={form} name="password" kind="current" />
          <ChallengeProgress solving={challenge.solving} />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t("auth.confirm.submit")}
          </Button>
        </Stack>
      </form>
      <Text size="sm">
        {t("auth.confirm.forgotHint")}{" "}
        <Anchor component={Link} to={withNext("/signup", next)}>
          {t("auth.confirm.toSignUp")}
        </Anchor>
      </Text>
      {linkGone && <NewLinkHelp next={next} />}
    </Stack>
  );
}

/**
 * `/confirm?token=…[&next=…]` — shows the address the link is for and asks for the password chosen at
 * that sign-up; confirming signs in and goes on to `next` (kept from sign-up).
 */
export default function ConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.confirm.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const next = passableNext(params.get("next"));

  const lookup = useQuery({
    ...authQueries.confirmLookup(token),
    enabled: token !== "",
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });

  return (
    <AuthCard title={t("auth.confirm.title")}>
      <Stack gap="md">
        {!token && (
          <>
            <Alert color="red" variant="light" role="alert">
              {t("auth.confirm.noToken")}
            </Alert>
            <NewLinkHelp next={next} />
          </>
        )}
        {token && lookup.isPending && (
          <Stack align="center" gap="xs" role="status">
            <Loader aria-hidden="true" />
            <Text>{t("auth.confirm.inProgress")}</Text>
          </Stack>
        )}
        {lookup.isSuccess && <ConfirmForm token={token} email={lookup.data.email} next={next} />}
        {lookup.isError && (
          <>
            <ProblemAlert error={lookup.error} title={t("auth.confirm.failedTitle")} />
            <NewLinkHelp next={next} />
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
