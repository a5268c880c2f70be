import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InRussian } from "../../components/InRussian";
import { DeadlineFlag, titleOf, topReason, useMeasureText, VerdictBadge } from "./labels";
import type { MeasureCard } from "./types";

/** A search result: title, provider, form, amounts, window, and a verdict with its top reason. */
export function MeasureCardView({
  measure,
  headingLevel = 2,
}: {
  measure: MeasureCard;
  headingLevel?: 2 | 3;
}) {
  const text = useMeasureText();
  const amount = text.amount(measure);
  const reason = measure.eligibility ? topReason(measure.eligibility.criteria) : undefined;
  return (
    <Card withBorder padding="md" component="article">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={headingLevel} size="h4" style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={`/measures/${measure.id}`} underline="hover" c="indigo.9">
              <InRussian russian={!measure.titleEn?.trim()}>{titleOf(measure, text.locale)}</InRussian>
            </Anchor>
          </Title>
          {measure.eligibility && <VerdictBadge verdict={measure.eligibility.verdict} />}
        </Group>
        <Text size="sm" c="dimmed">
          <InRussian>{measure.provider}</InRussian>
        </Text>
        <MeasureKindBadges measure={measure} />
        <Group gap="md" wrap="wrap">
          {amount && (
            <Text size="sm" fw={600}>
              {amount}
            </Text>
          )}
          <Text size="sm" c={measure.openNow ? undefined : "red.9"}>
            {text.window(measure)}
          </Text>
          <DeadlineFlag measure={measure} />
        </Group>
        {reason && reason.result !== "met" && (
          <Text size="sm" c="dimmed">
            {reason.message[text.locale]}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** The measure's form and level, as on its card and its page. */
export function MeasureKindBadges({ measure }: { measure: Pick<MeasureCard, "form" | "level"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color="indigo" variant="light" tt="none">
        {t(`measures.form.${measure.form}`)}
      </Badge>
      <Badge color="gray" variant="outline" tt="none">
        {t(`measures.level.${measure.level}`)}
      </Badge>
    </Group>
  );
}

/** One notice for demonstration data (above a list or a page that shows some), instead of a badge on each card. */
export function DemoBanner() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" py="xs">
      <Text size="sm">
        <strong>{t("measures.demo")}.</strong> {t("measures.demoText")}
      </Text>
    </Alert>
  );
}
