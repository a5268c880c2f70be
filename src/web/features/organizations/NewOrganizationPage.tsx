import { Alert, Anchor, Button, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { ApiError, errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import type { ProblemOf } from "../../api/types";
import { applyServerErrors, type FormProblem } from "../../components/forms";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { toast, toastError } from "../../components/toast";
import { usePageTitle } from "../../components/usePageTitle";
import { useFormat } from "../../format";
import { useMe } from "../../session";
import { forgetAnswers, loadAnswers } from "../measures/questionnaire";
import { ClaimOffer } from "../verification/ClaimOffer";
import { warnAlert } from "./labels";
import { toCreateBody, valuesOf } from "./orgFormValues";
import { clearPrefilled, type Prefill, prefillFromAnswers } from "./prefill";
import { orgKeys, problemBody, refreshOrganizations } from "./queries";
import { StepFields, StepNav } from "./RegistrationSteps";
import { RegistryLookup } from "./RegistryLookup";
import {
  forgetDraft,
  hasContent,
  loadDraft,
  NEW_ORG_STEPS,
  type OrgDraft,
  regionFromInn,
  STEP_FIELDS,
  saveDraft,
  stepOfField,
} from "./registration";
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

/** Where the region's value came from: it is filled from the INN or the register until the person picks one. */
type RegionSource = "inn" | "register" | "manual" | null;

const LAST = NEW_ORG_STEPS.length - 1;

/**
 * Registering an organization in four short steps (identifiers → about → contacts and statements →
 * review). Enter or "Next" checks the step and goes on; "Back" and the step list go back. The draft is
 * kept in this browser for the signed-in user (registration.ts); server field errors open their step.
 */
export default function NewOrganizationPage() {
  const { t } = useTranslation();
  usePageTitle(t("organizations.new.title"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const fmt = useFormat();
  const { can, user } = useMe();
  const userId = user?.id ?? "";
  const staff = can("operator.status.queue");
  // A saved draft wins; otherwise the support-measure questionnaire's answers, read once: the form starts
  // from them, and what the user types afterwards is never replaced.
  const [draft, setDraft] = useState<OrgDraft | null>(() => (userId ? loadDraft(userId) : null));
  const [prefill, setPrefill] = useState<Prefill | null>(() =>
    draft ? null : prefillFromAnswers(loadAnswers(), { cityBody: staff }),
  );
  const [notice, setNotice] = useState(prefill !== null);
  const form = useOrgForm(null, draft?.values ?? prefill?.values);
  const [step, setStep] = useState(draft?.step ?? 0);
  const [reached, setReached] = useState(draft?.step ?? 0);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [taken, setTaken] = useState<Taken | null>(null);
  const [regionSource, setRegionSource] = useState<RegionSource>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const moved = useRef(false);
  const focusHeading = useRef(true);
  const created = useRef(false);

  // The draft follows every change (and the step), until the organization is registered.
  const valuesJson = JSON.stringify(form.getValues());
  useEffect(() => {
    if (!userId || created.current) return;
    const timer = setTimeout(() => {
      const values = JSON.parse(valuesJson) as ReturnType<typeof form.getValues>;
      if (hasContent(values)) saveDraft(userId, values, step);
    }, 300);
    return () => clearTimeout(timer);
  }, [userId, valuesJson, step]);

  // A new step: its heading takes the focus (not on the first paint), and the page scrolls to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the step
  useEffect(() => {
    if (!moved.current) return;
    if (!focusHeading.current) {
      // after a server error the field in error (or the "INN taken" alert) takes the focus instead
      focusHeading.current = true;
      return;
    }
    headingRef.current?.focus({ preventScroll: true });
    headingRef.current?.scrollIntoView({ block: "start" });
  }, [step]);

  const goTo = (next: number, withFocus = true) => {
    moved.current = true;
    if (next !== step) focusHeading.current = withFocus;
    setStep(next);
    setReached((r) => Math.max(r, next));
  };
  const focusInvalid = () =>
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toCreateBody>) =>
      unwrap(client.POST("/api/organizations", { body })),
    onSuccess: (view) => {
      // the answers and the draft have served their purpose
      created.current = true;
      forgetAnswers();
      forgetDraft(userId);
      toast(t("organizations.new.created", { name: view.organization.shortName }));
      refreshOrganizations(queryClient);
      navigate(`/organizations/${view.organization.id}`);
    },
    onError: (error) => {
      const extra = problemBody(error) as ProblemOf<"/api/organizations", "post", 409>;
      const fields = error instanceof ApiError ? error.errors.map((e) => stepOfField(e.field)) : [];
      // a field error opens the step that holds the field
      if (fields.length) goTo(Math.min(...fields), false);
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
      if (fields.length) focusInvalid();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    if (step < LAST) {
      const current = NEW_ORG_STEPS[step] ?? "review";
      const bad = STEP_FIELDS[current].filter((field) => form.validateField(field).hasError);
      if (bad.length) return focusInvalid();
      goTo(step + 1);
      return;
    }
    const result = form.validate();
    if (result.hasErrors) {
      goTo(Math.min(...Object.keys(result.errors).map(stepOfField)), false);
      return focusInvalid();
    }
    setTaken(null);
    create.mutate(toCreateBody(form.getValues()));
  }

  function startOver() {
    forgetDraft(userId);
    setDraft(null);
    form.setValues(valuesOf(null));
    form.clearErrors();
    setRegionSource(null);
    setReached(0);
    goTo(0);
  }

  const extras = {
    onInnChange: (value: string) => {
      const code = regionFromInn(value);
      if (!code || regionSource === "manual" || regionSource === "register") return;
      form.setFieldValue("regionCode", code);
      form.clearFieldError("regionCode");
      setRegionSource("inn");
    },
    onRegionChange: () => setRegionSource("manual"),
    regionHint:
      regionSource === "inn"
        ? t("organizations.new.regionFromInn")
        : regionSource === "register"
          ? t("organizations.new.regionFromRegister")
          : null,
    below: (
      <RegistryLookup
        form={form}
        onFilled={(party) => {
          if (party.regionCode) setRegionSource("register");
        }}
      />
    ),
  };

  const current = NEW_ORG_STEPS[step] ?? "review";
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: "/organizations", label: t("organizations.backToMine") }}
        title={t("organizations.new.title")}
        subtitle={t("organizations.new.lead")}
      />
      {draft && (
        <Alert color="blue" variant="light" title={t("organizations.new.draft.title")}>
          <Stack gap="xs">
            <Text size="sm">{t("organizations.new.draft.text", { when: fmt.dateTime(draft.savedAt) })}</Text>
            <Button variant="default" size="xs" style={{ alignSelf: "flex-start" }} onClick={startOver}>
              {t("organizations.new.draft.startOver")}
            </Button>
          </Stack>
        </Alert>
      )}
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
      <StepNav step={step} reached={reached} onStep={goTo} />
      <form ref={formRef} noValidate aria-labelledby="new-org-step-title" onSubmit={submit}>
        <Stack gap="lg">
          <Title order={2} id="new-org-step-title" ref={headingRef} tabIndex={-1} style={{ outline: "none" }}>
            {t("organizations.new.steps.title", {
              n: step + 1,
              total: NEW_ORG_STEPS.length,
              name: t(`organizations.new.steps.${current}`),
            })}
          </Title>
          <StepFields
            form={form}
            step={current}
            staff={staff}
            hints={{ foundedOn: ageHint(t, prefill?.ageYears ?? null) }}
            extras={extras}
            onEdit={goTo}
          />
          <ProblemAlert problem={problem} />
          {taken && <TakenAlert key={taken.organizationId} taken={taken} />}
          {step === LAST && <Text size="sm">{t("organizations.new.afterSubmit")}</Text>}
          <Group gap="sm" justify="space-between" wrap="wrap-reverse">
            {step > 0 ? (
              <Button variant="default" onClick={() => goTo(step - 1)}>
                {t("organizations.new.steps.back")}
              </Button>
            ) : (
              <span />
            )}
            {step < LAST ? (
              <Button type="submit">{t("organizations.new.steps.next")}</Button>
            ) : (
              <Button type="submit" loading={create.isPending}>
                {t("organizations.new.submit")}
              </Button>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {t("organizations.new.draft.kept")}
          </Text>
        </Stack>
      </form>
    </Stack>
  );
}
