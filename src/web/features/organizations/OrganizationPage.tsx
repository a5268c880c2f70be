import { Alert, Button, FileInput, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { ApiError, errorMessage } from "../../api";
import { client, multipart, unwrap } from "../../api/client";
import { ConflictAlert } from "../../components/ConflictAlert";
import { applyServerErrors, type FormProblem, focusFirstInvalid } from "../../components/forms";
import { ProblemAlert } from "../../components/ProblemAlert";
import { SectionCard } from "../../components/SectionCard";
import { toast } from "../../components/toast";
import { StatusActions } from "../operator/StatusActions";
import { warnAlert } from "./labels";
import { NameChangeNotice } from "./NameChangeNotice";
import { NextStepCard } from "./NextStepCard";
import { OrgFormActions, OrgFormFields } from "./OrgForm";
import { OrgLogo, OrgShell } from "./OrgShell";
import { focusOrgField } from "./orgFormParts";
import { toUpdateBody, valuesOf } from "./orgFormValues";
import { ProfileFacts } from "./ProfileFacts";
import { PublicConsentCard } from "./PublicConsentCard";
import { orgKeys, orgQueries, problemBody, refreshOrganizations } from "./queries";
import type { Organization, OrganizationView, UpdateOrgBody } from "./types";
import { useOrgForm } from "./useOrgForm";

const LOGO_MAX_BYTES = 2 * 1024 * 1024;
const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"];

function LogoSection({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => refreshOrganizations(queryClient);

  const upload = useMutation({
    mutationFn: (file: File) =>
      client.PUT("/api/organizations/{id}/logo", {
        params: { path: { id: org.id } },
        body: multipart({ file }),
      }),
    onSuccess: () => {
      setFile(null);
      toast(t("organizations.logo.uploaded"));
      void refresh();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: () => client.DELETE("/api/organizations/{id}/logo", { params: { path: { id: org.id } } }),
    onSuccess: () => {
      toast(t("organizations.logo.removed"));
      void refresh();
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <SectionCard id="logo-title" title={t("organizations.logo.title")} titleGap="sm">
      <Group align="flex-start" gap="lg" wrap="wrap">
        <OrgLogo org={org} size={96} />
        <form
          style={{ flex: "1 1 16rem" }}
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (!file) {
              setError(t("organizations.logo.choose"));
              return;
            }
            if (file.size > LOGO_MAX_BYTES) {
              setError(t("organizations.logo.tooLarge"));
              return;
            }
            if (file.type && !LOGO_TYPES.includes(file.type)) {
              setError(t("organizations.logo.badType"));
              return;
            }
            upload.mutate(file);
          }}
        >
          <Stack gap="sm" maw={420}>
            <FileInput
              label={t("organizations.logo.file")}
              description={t("organizations.logo.hint")}
              accept="image/png,image/jpeg,image/webp"
              clearable
              value={file}
              onChange={(f) => {
                setError(null);
                setFile(f);
              }}
              error={error}
              placeholder={t("organizations.logo.placeholder")}
              clearButtonProps={{ "aria-label": t("organizations.logo.clear") }}
            />
            <Group gap="sm">
              <Button type="submit" loading={upload.isPending}>
                {t("organizations.logo.upload")}
              </Button>
              {org.logoUrl && (
                <Button
                  variant="default"
                  color="red"
                  loading={remove.isPending}
                  onClick={() => remove.mutate()}
                >
                  {t("organizations.logo.remove")}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Group>
    </SectionCard>
  );
}

function EditProfile({
  view,
  onDone,
  focusField,
}: {
  view: OrganizationView;
  onDone: () => void;
  /** A field to scroll to and focus when the form opens (`?field=` of a "fill in the profile" link). */
  focusField: string | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const org = view.organization;
  const form = useOrgForm(org);
  const [version, setVersion] = useState(org.version);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [conflict, setConflict] = useState<Organization | null>(null);
  const [stale, setStale] = useState(false);
  const locked = org.status === "participant" || org.status === "partner";
  const members = useQuery(orgQueries.members(org.id));
  const people = (members.data ?? []).map((m) => ({ value: m.userId, label: m.fullName }));

  useEffect(() => {
    if (!focusField) return;
    // after the form's first paint, so the field exists and the page has its height
    const frame = requestAnimationFrame(() => focusOrgField(focusField));
    return () => cancelAnimationFrame(frame);
  }, [focusField]);

  const save = useMutation({
    mutationFn: (body: UpdateOrgBody) =>
      unwrap(client.PATCH("/api/organizations/{id}", { params: { path: { id: org.id } }, body })),
    onSuccess: (updated, body) => {
      queryClient.setQueryData(orgKeys.view(org.id), updated);
      void queryClient.invalidateQueries({ queryKey: orgKeys.mine });
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(org.id) });
      const renamed =
        body.shortName !== updated.organization.shortName || body.fullName !== updated.organization.fullName;
      toast(t(renamed ? "organizations.nameChange.submitted" : "organizations.edit.saved"));
      if (renamed) void queryClient.invalidateQueries({ queryKey: orgKeys.nameChange(org.id) });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.is("conflict")) {
        const current = problemBody(error).current as Organization | undefined;
        setConflict(current ?? null);
        setStale(true);
        setProblem(null);
        return;
      }
      setProblem(applyServerErrors(form, error));
    },
  });

  async function reload() {
    let fresh = conflict;
    if (!fresh) {
      const v = await queryClient.fetchQuery({ ...orgQueries.view(org.id), staleTime: 0 });
      fresh = v.organization;
    } else {
      void queryClient.invalidateQueries({ queryKey: orgKeys.view(org.id) });
    }
    form.setValues(valuesOf(fresh));
    form.resetDirty(valuesOf(fresh));
    form.clearErrors();
    setVersion(fresh.version);
    setConflict(null);
    setStale(false);
  }

  return (
    <form
      noValidate
      aria-label={t("organizations.edit.formLabel")}
      onSubmit={form.onSubmit((values) => {
        setProblem(null);
        save.mutate(toUpdateBody(values, version));
      }, focusFirstInvalid)}
    >
      <Stack gap="lg">
        <Title order={2}>{t("organizations.edit.title")}</Title>
        <OrgFormFields form={form} mode="edit" staff={false} locked={locked} people={people} />
        <ProblemAlert problem={problem} />
        {stale && (
          <ConflictAlert
            title={t("organizations.edit.conflictTitle")}
            text={t("organizations.edit.conflictText")}
            reload={{ label: t("organizations.edit.reload"), onClick: () => void reload() }}
          />
        )}
        <OrgFormActions
          submitLabel={t("organizations.edit.submit")}
          loading={save.isPending}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}

export default function OrganizationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const editing = params.get("edit") === "1";
  const field = params.get("field");
  const setEditing = (on: boolean) => setParams(on ? { edit: "1" } : {}, { replace: false });

  return (
    <OrgShell id={id} page={null}>
      {(view) => {
        const org = view.organization;
        const canEdit = view.can["org.update"] === true;
        return (
          <Stack gap="lg">
            {org.statusSuspended && (
              <Alert {...warnAlert} title={t("organizations.status.suspendedTitle")}>
                {org.statusReason
                  ? t("organizations.status.suspendedReason", { reason: org.statusReason })
                  : t("organizations.status.suspendedNoReason")}
              </Alert>
            )}
            {!editing && <NextStepCard view={view} />}
            <NameChangeNotice orgId={org.id} canCancel={canEdit} />
            {editing && canEdit ? (
              <EditProfile key={org.id} view={view} focusField={field} onDone={() => setEditing(false)} />
            ) : (
              <>
                {canEdit && (
                  <Group>
                    {/* the next step (NextStepCard) is the main action while the organization has no status */}
                    <Button
                      variant={
                        org.status === "registered" && view.can["org.status.apply"] ? "default" : "filled"
                      }
                      onClick={() => setEditing(true)}
                    >
                      {t("organizations.profile.edit")}
                    </Button>
                  </Group>
                )}
                <ProfileFacts org={org} />
              </>
            )}
            {canEdit && !editing && <LogoSection org={org} />}
            {view.membership && !editing && <PublicConsentCard org={org} />}
            {view.can["operator.status.decide"] && <StatusActions org={org} />}
          </Stack>
        );
      }}
    </OrgShell>
  );
}
