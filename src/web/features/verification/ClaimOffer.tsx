import { Anchor, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** On the 409 "INN taken" screen: the real company can claim the organization with a document. */
export function ClaimOffer({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t("verification.claim.offerLead")}{" "}
      <Anchor component={Link} to={`/organizations/${organizationId}/claim`} fw={600}>
        {t("verification.claim.offer")}
      </Anchor>
    </Text>
  );
}

/** From a refusal that verification would lift, to the organization's verification page. */
export function VerificationLink({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to={`/organizations/${orgId}/verification`} display="block" mt={6} fw={600}>
      {t("verification.goVerify")}
    </Anchor>
  );
}
