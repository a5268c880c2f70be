import { Anchor, Badge, Card, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../format";
import type { VerificationRequest, VerificationState } from "./types";

const STATE_COLOR: Record<VerificationState, string> = {
  pending: "blue",
  verified: "teal",
  rejected: "red",
  transferred: "teal",
  merged: "teal",
  removed: "gray",
};

export function StateBadge({ state }: { state: VerificationState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLOR[state]} variant="light">
      {t(`verification.state.${state}`)}
    </Badge>
  );
}

/** The document's link: downloaded as an attachment (the server sends Content-Disposition). */
export function DocumentLink({ r }: { r: VerificationRequest }) {
  const { t } = useTranslation();
  return (
    <Anchor href={r.documentUrl} download={r.fileName}>
      {r.fileName}
      <span className="sr-only"> — {t("verification.download")}</span>
    </Anchor>
  );
}

export function RequestList({ items, empty }: { items: VerificationRequest[]; empty: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!items.length) return <Text>{empty}</Text>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {items.map((r) => (
        <Card key={r.id} withBorder component="li">
          <Stack gap={4}>
            <Group gap="sm" wrap="wrap">
              <StateBadge state={r.state} />
              <Text size="sm">{t(`verification.documentType.${r.documentType}`)}</Text>
            </Group>
            {r.kind === "claim" && (
              <Text fw={600}>
                {r.organization.shortName}
                {r.organization.inn ? ` · ${t("verification.inn", { inn: r.organization.inn })}` : ""}
              </Text>
            )}
            <DocumentLink r={r} />
            <Text size="sm">{t("verification.submittedAt", { date: format.dateTime(r.submittedAt) })}</Text>
            {r.reason && <Text size="sm">{t("verification.reason", { reason: r.reason })}</Text>}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
