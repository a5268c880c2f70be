import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import type { ProblemOf } from "../../api/types";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useMe } from "../../session";
import { forgetAnswers, loadAnswers } from "../measures/questionnaire";
import { ClaimOffer } from "../verification/ClaimOffer";
import { warnAlert } from "./labels";
import { OrgFormActions, OrgFormFields } from "./OrgForm";
import { toCreateBody } from "./orgFormValues";
import { clearPrefilled, type Prefill, prefillFromAnswers } from "./prefill";
import { orgKeys, problemBody, refreshOrganizations } from "./queries";
import { useOrgForm } from "./useOrgForm";

interface Taken {
  organizationId: string;
  shortName: string;
  foreign: boolean;
  /** An unverified organization takes no join requests: only a claim is offered. */
  verified: boolean;
}

/** 409 inn-taken: offer to ask the organization's owner to add me (verified) or to claim it. */
function TakenAlert({ taken }: { taken: Taken }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLDivElement>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const join = useMutation({
    mutationFn: () =>
      client.POST("/api/organizations/{id}/join-requests", {
        params: { path: { id: taken.organizationId } },
        body: { message: message.trim() || null },
      }),
    onSuccess: () => {
      toast(t("organizations.new.joinSent", { name: taken.shortName }));
      void queryClient.invalidateQueries({ queryKey: orgKeys.myJoinRequests });
      navigate("/organizations");
    },
    onError: (error) => {
      if (error instanceof ApiError && error.is("join-request-pending")) {
        toast(errorMessage(error));
        navigate("/organizations");
        return;
      }
      if (error instanceof ApiError && error.is("already-member")) {
        navigate(`/organizations/${taken.organizationId}`);
        return;
      }
      toastError(error);
    },
  });
  return (
    <Alert
      ref={ref}
      tabIndex={-1}
      {...warnAlert}
      role="alert"
      title={
        taken.foreign
          ? t("organizations.new.takenForeign", { name: taken.shortName })
          : t("organizations.new.taken", { name: taken.shortName })
      }
    >
      <Stack gap="sm">
        <Text size="sm">
          {taken.verified ? t("organizations.new.takenLead") : t("organizations.new.takenLeadUnverified")}
        </Text>
        {taken.verified && (
          <>
            <Textarea
              label={t("organizations.new.joinMessage")}
              description={t("organizations.new.joinMessageHint")}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              maw={560}
            />
            <Group gap="sm">
              <Button onClick={() => join.mutate()} loading={join.isPending}>
                {t("organizations.new.askToJoin")}
              </Button>
            </Group>
          </>
        )}
        <Anchor component={Link} to={`/directory/${taken.organizationId}`} size="sm">
          {t("organizations.new.openPublic")}
        </Anchor>
        <ClaimOffer organizationId={taken.organizationId} />
      </Stack>
    </Alert>
  );
}

/** The age the questionnaire gave, as a hint under the founding date. */
function ageHint(t: ReturnType<typeof useTranslation>["t"], years: number | null): string | null {
  if (years === null) return null;
  return years < 1
    ? t("organizations.new.prefill.ageUnderOne")
    : t("organizations.new.prefill.age", { count: years });
}

export default function NewOrganizationPage() {
  const { t } = useTranslation();
  usePageTitle(t("organizations.new.title"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { can } = useMe();
  const staff = can("operator.status.queue");
  // The support-measure questionnaire's answers, read once: the form starts from them, and what the
  // user types afterwards is never replaced.
  const [prefill, setPrefill] = useState<Prefill | null>(() =>
    prefillFromAnswers(loadAnswers(), { cityBody: staff }),
  );
  const [notice, setNotice] = useState(prefill !== null);
  const form = useOrgForm(null, prefill?.values);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);

  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toCreateBody>) =>
      unwrap(client.POST("/api/organizations", { body })),
    onSuccess: (view) => {
      // the answers have served their purpose
      forgetAnswers();
      toast(t("organizations.new.created", { name: view.organization.shortName }));
      refreshOrganizations(queryClient);
      navigate(`/organizations/${view.organization.id}`);
    },
    onError: (error) => {
      const extra = problemBody(error) as ProblemOf<"/api/organizations", "post", 409>;
      if (error instanceof ApiError && error.is("inn-taken") && extra.organizationId) {
        applyServerErrors(form, error);
        setTaken({
          organizationId: extra.organizationId,
          shortName: extra.shortName ?? "",
          foreign: form.getValues().type === "foreign",
          verified: extra.verified ?? false,
        });
        return;
      }
      setProblem(applyServerErrors(form, error));
    },
  });

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/organizations" size="sm">
          {t("organizations.backToMine")}
        </Anchor>
        <Title order={1} mt="xs">
          {t("organizations.new.title")}
        </Title>
        <Text mt="xs" maw={760}>
          {t("organizations.new.lead")}
        </Text>
      </div>
      {prefill && notice && (
        <Alert
          color="blue"
          variant="light"
          withCloseButton
          closeButtonLabel={t("organizations.new.prefill.dismiss")}
          onClose={() => setNotice(false)}
          title={t("organizations.new.prefill.title")}
        >
          <Stack gap="xs">
            <Text size="sm">{t("organizations.new.prefill.text")}</Text>
            <Button
              variant="default"
              size="xs"
              style={{ alignSelf: "flex-start" }}
              onClick={() => {
                form.setValues(clearPrefilled(form.getValues(), prefill));
                forgetAnswers();
                setPrefill(null);
                setNotice(false);
                toast(t("organizations.new.prefill.cleared"));
              }}
            >
              {t("organizations.new.prefill.clear")}
            </Button>
          </Stack>
        </Alert>
      )}
      <form
        noValidate
        aria-label={t("organizations.new.formLabel")}
        onSubmit={form.onSubmit((values) => {
          setProblem(null);
          setTaken(null);
          create.mutate(toCreateBody(values));
        }, focusFirstInvalid)}
      >
        <Stack gap="lg">
          <OrgFormFields
            form={form}
            mode="create"
            staff={staff}
            hints={{ foundedOn: ageHint(t, prefill?.ageYears ?? null) }}
          />
          <ProblemAlert problem={problem} />
          {taken && <TakenAlert key={taken.organizationId} taken={taken} />}
          <Text size="sm">{t("organizations.new.afterSubmit")}</Text>
          <OrgFormActions submitLabel={t("organizations.new.submit")} loading={create.isPending} />
        </Stack>
      </form>
    </Stack>
  );
}
