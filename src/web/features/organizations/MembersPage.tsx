import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Invitations } from "./InvitationsSection";
import { JoinRequests } from "./JoinRequestsSection";
import { MembersTable } from "./MembersTable";
import { OrgShell } from "./OrgShell";

export default function MembersPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <OrgShell id={id} page={t("organizations.members.title")}>
      {(view) => (
        <Stack gap="lg">
          {view.can["org.members.manage"] !== true && view.membership && (
            <Text>{t("organizations.members.readOnly")}</Text>
          )}
          <MembersTable view={view} />
          {view.can["org.members.manage"] === true && (
            <>
              <JoinRequests orgId={id} />
              <Invitations orgId={id} />
            </>
          )}
        </Stack>
      )}
    </OrgShell>
  );
}
