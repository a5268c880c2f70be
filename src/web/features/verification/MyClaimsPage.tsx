import { Anchor, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { ProblemAlert } from "../../components/ProblemAlert";
import { usePageTitle } from "../../components/usePageTitle";
import { verificationQueries } from "./queries";
import { RequestList } from "./RequestList";

/** One's own claims and what the operator decided. */
export default function MyClaimsPage() {
  const { t } = useTranslation();
  usePageTitle(t("verification.claims.title"));
  const claims = useQuery(verificationQueries.myClaims());
  return (
    <Stack gap="lg">
      <PageHeader title={t("verification.claims.title")} subtitle={t("verification.claims.lead")} />
      {claims.isError && <ProblemAlert error={claims.error} />}
      {claims.data && <RequestList items={claims.data} empty={t("verification.claims.empty")} />}
      <Anchor component={Link} to="/organizations">
        {t("organizations.backToMine")}
      </Anchor>
    </Stack>
  );
}
