import { Alert, Button, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { client, unwrap } from "../../api/client";
import { ChallengeProgress, useChallenge } from "../../components/Challenge";
import { ProblemAlert } from "../../components/ProblemAlert";
import { EmailField, ProblemForm, useFormProblem } from "../../components/ProblemForm";
import { validators } from "../../components/validation";
import { passableNext } from "../../next";

/** `next` (where to go after signing in) rides along in the new confirmation link when it is safe. */
function useResend(next: string | null | undefined) {
  const pass = passableNext(next);
  const challenge = useChallenge();
  const mutation = useMutation({
    mutationFn: (email: string) =>
      challenge.run((altcha) =>
        unwrap(
          client.POST("/api/auth/resend-confirmation", {
            body: { email: email.trim(), ...(pass ? { next: pass } : {}), ...(altcha ? { altcha } : {}) },
          }),
        ),
      ),
  });
  return Object.assign(mutation, { solving: challenge.solving });
}

/** A single "send the confirmation e-mail again" button for an address the page already knows. */
export function ResendButton({ email, next }: { email: string; next?: string | null }) {
  const { t } = useTranslation();
  const resend = useResend(next);
  return (
    <Stack gap="sm">
      {resend.isSuccess && (
        <Alert color="indigo" variant="light" role="status">
          {resend.data.message}
        </Alert>
      )}
      <ProblemAlert error={resend.error} />
      <ChallengeProgress solving={resend.solving} />
      <Button
        variant="default"
        onClick={() => resend.mutate(email)}
        loading={resend.isPending}
        style={{ alignSelf: "flex-start" }}
      >
        {t("auth.resend.button")}
      </Button>
    </Stack>
  );
}

/** A small form asking for the e-mail to send a new confirmation link to. */
export function ResendForm({ next }: { next?: string | null }) {
  const { t } = useTranslation();
  const v = validators(t);
  const resend = useResend(next);
  const form = useForm({
    mode: "uncontrolled",
    initialValues: { email: "" },
    validate: { email: v.email },
  });
  const problem = useFormProblem(form);

  return (
    <ProblemForm
      form={form}
      problem={problem}
      onSubmit={(values) => resend.mutate(values.email, { onError: problem.fail })}
      gap="sm"
      lead={
        resend.isSuccess && (
          <Alert color="indigo" variant="light" role="status">
            {resend.data.message}
          </Alert>
        )
      }
    >
      <EmailField form={form} />
      <ChallengeProgress solving={resend.solving} />
      <Button type="submit" variant="default" loading={resend.isPending} style={{ alignSelf: "flex-start" }}>
        {t("auth.resend.button")}
      </Button>
    </ProblemForm>
  );
}
