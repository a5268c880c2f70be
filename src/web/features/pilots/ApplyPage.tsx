import { Alert, Skeleton, Stack } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { client, unwrap } from "../../api/client";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { useMyOrganizations } from "../../components/useMyOrganizations";
import { usePageTitle } from "../../components/usePageTitle";
import { ApplyForm, type ApplyValues } from "./ApplyForm";
import { pilotKeys, pilotQueries } from "./queries";

/** A member of an organization applies to test its solution at a site. */
export default function ApplyPage() {
  const { t } = useTranslation();
  usePageTitle(t("pilotsWork.apply.title"));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { id = "" } = useParams();
  const site = useQuery(pilotQueries.site(id));
  const mine = useMyOrganizations();
  const orgs = (mine.data?.items ?? []).map((o) => o.organization);
  const [v, setV] = useState<ApplyValues>({
    organizationId: null,
    solution: "",
    trl: 6,
    expectedEffect: "",
    team: "",
    needs: "",
    dateFrom: "",
    dateTo: "",
    operatorAssisted: false,
    publishResult: true,
  });
  const organizationId = v.organizationId ?? mine.data?.activeOrganizationId ?? orgs[0]?.id ?? null;
  const apply = useMutation({
    mutationFn: () =>
      unwrap(
        client.POST("/api/pilot-sites/{id}/pilots", {
          params: { path: { id } },
          body: { ...v, organizationId: organizationId ?? "" },
        }),
      ),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: pilotKeys.all });
      navigate(`/pilots/${p.id}`);
    },
  });
  if (site.error) return <ProblemAlert error={site.error} />;
  if (!site.data || mine.isPending) return <Skeleton height={300} />;
  return (
    <Stack gap="lg">
      <PageHeader
        back={{ to: `/pilot-sites/${id}`, label: site.data.name }}
        title={t("pilotsWork.apply.title")}
        subtitle={t("pilotsWork.apply.lead")}
      />
      {orgs.length === 0 ? (
        <Alert color="yellow">
          {t("pilotsWork.apply.noOrganization")}{" "}
          <Link to="/organizations/new">{t("pilotsWork.apply.register")}</Link>
        </Alert>
      ) : (
        <ApplyForm
          v={{ ...v, organizationId }}
          set={(p) => setV((x) => ({ ...x, ...p }))}
          organizations={orgs}
          onSubmit={() => apply.mutate()}
          pending={apply.isPending}
          error={apply.error}
        />
      )}
    </Stack>
  );
}
