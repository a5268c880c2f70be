import { Alert, Anchor, Button, Loader, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api, type MessageResponse } from "../../api";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { passableNext, withNext } from "../../next";
import { meKey } from "../../session";
import { AuthCard } from "./AuthCard";
import { ResendForm } from "./ResendConfirmation";

/**
 * `/confirm?token=…[&next=…]` — confirms the e-mail address as soon as the page opens. Confirming does
 * not sign in: the user goes on to sign-in, which lands on `next` (kept from sign-up).
 */
export default function ConfirmPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.confirm.title"));
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const next = passableNext(params.get("next"));
  const signInLink = withNext("/signin", next);
  const queryClient = useQueryClient();
  const started = useRef<string | null>(null);

  const confirm = useMutation({
    mutationFn: (value: string) => api.post<MessageResponse>("/api/auth/confirm", { token: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
  const { mutate } = confirm;

  useEffect(() => {
    // a ref, not state: StrictMode runs effects twice and a token is single-use
    if (token && started.current !== token) {
      started.current = token;
      mutate(token);
    }
  }, [token, mutate]);

  if (!token) {
    return (
      <AuthCard title={t("auth.confirm.title")}>
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {t("auth.confirm.noToken")}
          </Alert>
          <Title order={2} size="h4">
            {t("auth.confirm.resendTitle")}
          </Title>
          <ResendForm next={next} />
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("auth.confirm.title")}>
      <Stack gap="md">
        {(confirm.isPending || confirm.isIdle) && (
          <Stack align="center" gap="xs" role="status">
            <Loader aria-hidden="true" />
            <Text>{t("auth.confirm.inProgress")}</Text>
          </Stack>
        )}
        {confirm.isSuccess && (
          <>
            <Alert color="indigo" variant="light" role="status" title={t("auth.confirm.successTitle")}>
              {confirm.data.message}
            </Alert>
            {next && <Text>{t("auth.confirm.continueHint")}</Text>}
            <Button component={Link} to={signInLink} style={{ alignSelf: "flex-start" }}>
              {t("auth.confirm.toSignIn")}
            </Button>
          </>
        )}
        {confirm.isError && (
          <>
            <ProblemAlert error={confirm.error} title={t("auth.confirm.failedTitle")} />
            <Title order={2} size="h4">
              {t("auth.confirm.resendTitle")}
            </Title>
            <Text size="sm">{t("auth.confirm.resendHint")}</Text>
            <ResendForm next={next} />
            <Text size="sm">
              {t("auth.confirm.alreadyConfirmed")}{" "}
              <Anchor component={Link} to={signInLink}>
                {t("auth.confirm.toSignIn")}
              </Anchor>
            </Text>
          </>
        )}
      </Stack>
    </AuthCard>
  );
}
