import { Button, List, Text, ThemeIcon } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { statusOpenTo } from "../../../shared/organizations";
import { SectionCard } from "../../components/SectionCard";
import { useLabels } from "./labels";
import { orgQueries } from "./queries";
import type { OrganizationView } from "./types";

/**
 * The next step of a registered organization, as its page's main action: the status its region opens
 * (participant for Moscow, partner for other regions and abroad) and the two moves to get it — the
 * operator confirms the organization from a document, then its managers apply. Shown to those who may
 * apply while the organization has no status and no open application.
 */
export function NextStepCard({ view }: { view: OrganizationView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const org = view.organization;
  const show = org.status === "registered" && view.can["org.status.apply"] === true;
  const status = useQuery({ ...orgQueries.status(org.id), enabled: show });
  if (!show || !status.isSuccess || status.data.openApplication) return null;
  const requested = statusOpenTo(org.regionCode, org.type, "participant").open ? "participant" : "partner";
  const where =
    org.type === "foreign" || !org.regionCode
      ? t("organizations.nextStep.abroad")
      : t("organizations.nextStep.region", { region: labels.region(org.regionCode) });
  const verified = org.verified === true;
  return (
    <SectionCard
      id="next-step-title"
      title={t(`organizations.nextStep.title.${requested}`)}
      stack="sm"
      bg="indigo.0"
    >
      <Text>
        {where} {t(`organizations.nextStep.rule.${requested}`)}
      </Text>
      <List type="ordered" spacing="xs">
        <List.Item
          icon={
            verified ? (
              <ThemeIcon size={22} radius="xl" color="green.8" aria-hidden="true">
                ✓
              </ThemeIcon>
            ) : undefined
          }
        >
          {verified ? t("organizations.nextStep.verified") : t("organizations.nextStep.verify")}
        </List.Item>
        <List.Item>{t(`organizations.nextStep.apply.${requested}`)}</List.Item>
      </List>
      {verified ? (
        <Button component={Link} to={`/organizations/${org.id}/status`} style={{ alignSelf: "flex-start" }}>
          {t(`organizations.status.apply.${requested}`)}
        </Button>
      ) : (
        <Button
          component={Link}
          to={`/organizations/${org.id}/verification`}
          style={{ alignSelf: "flex-start" }}
        >
          {t("organizations.nextStep.verifyAction")}
        </Button>
      )}
    </SectionCard>
  );
}
