import { Anchor, Button, Group, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError, type Me, type User } from "../../api";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { AccountPasswordField, EmailField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { usePageTitle } from "../../components/usePageTitle";
import { validators } from "../../components/validation";
import { landingOf, safeNext, withNext } from "../../next";
import { applyUserLocale, meKey, useMe } from "../../session";
import { PendingDeletion } from "../privacy/PendingDeletion";
import { AuthCard } from "./AuthCard";
import { ResendButton } from "./ResendConfirmation";

interface SignInValues {
  email: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signIn.title"));
  const v = validators(t);
  const [params] = useSearchParams();
  const requested = params.get("next");
  const next = safeNext(requested);
  const signUpLink = withNext("/signup", next);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user, can, isLoading } = useMe();
  const [unconfirmedEmail, setUnconfirmedEmail] = useState<string | null>(null);
  const [signedIn, setSignedIn] = useState(false);
  // The account waits for its deletion: the right password may only cancel it (and so sign in).
  const [pending, setPending] = useState<{ values: SignInValues; erasesAt: string } | null>(null);
  const challenge = useChallenge();

  const form = useForm<SignInValues>({
    mode: "uncontrolled",
    initialValues: { email: "", password: "" },
    validate: { email: v.email, password: v.required },
  });
  const problem = useFormProblem(form);

  async function enter(signedInUser: User) {
    setSignedIn(true);
    await applyUserLocale(signedInUser);
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meKey[0] });
    await queryClient.invalidateQueries({ queryKey: meKey });
    // An explicit `next` wins; else staff land on the desk, members on their cabinet.
    const me = queryClient.getQueryData<Me>(meKey);
    navigate(landingOf(requested, me?.abilities?.["desk.read"] === true), { replace: true });
  }

  const cancelDeletion = useMutation({
    meta: { ignoreUnauthorized: true },
    mutationFn: (values: SignInValues) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/privacy/erasure/cancel", {
            body: { email: values.email.trim(), password: values.password, ...(altcha ? { altcha } : {}) },
          }),
        ),
      ),
    onSuccess: ({ user: signedInUser }) => enter(signedInUser),
    onError: (error) => {
      setPending(null);
      problem.fail(error);
    },
  });

  const signIn = useMutation({
    meta: { ignoreUnauthorized: true },
    mutationFn: (values: SignInValues) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/auth/signin", {
            body: { email: values.email.trim(), password: values.password, ...(altcha ? { altcha } : {}) },
          }),
        ),
      ),
    onSuccess: ({ user: signedInUser }) => enter(signedInUser),
    onError: (error, values) => {
      if (error instanceof ApiError && error.is("deletion-pending")) {
        setPending({ values, erasesAt: String(error.body.erasesAt ?? "") });
        return;
      }
      problem.fail(error);
      setUnconfirmedEmail(
        error instanceof ApiError && error.is("email-not-confirmed") ? values.email.trim() : null,
      );
    },
  });

  // Already signed in (e.g. opened /signin from a bookmark): go on.
  if (!isLoading && user && !signedIn && !signIn.isPending && !cancelDeletion.isPending)
    return <Navigate to={landingOf(requested, can("desk.read"))} replace />;

  return (
    <AuthCard title={t("auth.signIn.title")}>
      <ProblemForm
        form={form}
        problem={problem}
        onSubmit={(values) => {
          setUnconfirmedEmail(null);
          setPending(null);
          signIn.mutate(values);
        }}
      >
        {pending && (
          <PendingDeletion
            erasesAt={pending.erasesAt}
            loading={cancelDeletion.isPending}
            onCancel={() => cancelDeletion.mutate(pending.values)}
          />
        )}
        {unconfirmedEmail && <ResendButton email={unconfirmedEmail} next={next} />}
        <EmailField form={form} autoComplete="username" />
        <AccountPasswordField form={form} name="password" kind="current" />
        <Group justify="flex-end">
          <Anchor component={Link} to="/reset" size="sm">
            {t("auth.signIn.forgot")}
          </Anchor>
        </Group>
        <ChallengeProgress solving={challenge.solving} />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t("auth.signIn.submit")}
        </Button>
        <Text size="sm">
          {t("auth.signIn.noAccount")}{" "}
          <Anchor component={Link} to={signUpLink}>
            {t("auth.signIn.toSignUp")}
          </Anchor>
        </Text>
      </ProblemForm>
    </AuthCard>
  );
}
