// The registration form's steps: the navigation between them, each step's sections and the review.
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ORG_IDENTIFIER_RULES } from "../../../shared/organizations";
import { useLabels } from "./labels";
import { ContactsSection, FlagsSection } from "./OrgFlagsContacts";
import { ActivitySection, MainSection, SizeSection } from "./OrgProfileSections";
import { type IdentifiersExtras, IdentifiersSection, OrgTypeField } from "./OrgTypeFields";
import { compact, normalizeWebsite, type OrgForm } from "./orgFormValues";
import { NEW_ORG_STEPS, type NewOrgStep } from "./registration";

/** The steps as a list of buttons: done ones can be opened again, later ones only by "Next". */
export function StepNav({
  step,
  reached,
  onStep,
}: {
  step: number;
  /** The furthest step opened so far. */
  reached: number;
  onStep: (step: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("organizations.new.steps.nav")}>
      <Group component="ol" gap="xs" wrap="wrap" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {NEW_ORG_STEPS.map((s, i) => (
          <li key={s}>
            <Button
              size="compact-sm"
              radius="xl"
              variant={i === step ? "filled" : i <= reached ? "light" : "default"}
              disabled={i > reached}
              aria-current={i === step ? "step" : undefined}
              onClick={() => onStep(i)}
            >
              {t("organizations.new.steps.item", { n: i + 1, name: t(`organizations.new.steps.${s}`) })}
            </Button>
          </li>
        ))}
      </Group>
    </nav>
  );
}

/** The sections of one step. */
export function StepFields({
  form,
  step,
  staff,
  hints,
  extras,
  onEdit,
}: {
  form: OrgForm;
  step: NewOrgStep;
  staff: boolean;
  hints?: { foundedOn?: string | null };
  extras: IdentifiersExtras;
  onEdit: (step: number) => void;
}) {
  switch (step) {
    case "identifiers":
      return (
        <Stack gap="lg">
          <OrgTypeField form={form} mode="create" staff={staff} />
          <IdentifiersSection form={form} locked={false} extras={extras} />
        </Stack>
      );
    case "about":
      return (
        <Stack gap="lg">
          <MainSection form={form} locked={false} hints={hints} />
          <SizeSection form={form} />
          <ActivitySection form={form} />
        </Stack>
      );
    case "contacts":
      return (
        <Stack gap="lg">
          <ContactsSection form={form} mode="create" />
          <FlagsSection form={form} />
        </Stack>
      );
    case "review":
      return <Review form={form} onEdit={onEdit} />;
  }
}

/** One line of the review: a label and its value ("—" when empty). */
function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: "anywhere" }}>
        {value?.trim() ? value : "—"}
      </Text>
    </div>
  );
}

function ReviewGroup({
  id,
  title,
  step,
  onEdit,
  children,
}: {
  id: string;
  title: string;
  step: number;
  onEdit: (step: number) => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        <Button variant="subtle" size="compact-sm" onClick={() => onEdit(step)} aria-describedby={id}>
          {t("organizations.new.review.edit")}
        </Button>
      </Group>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
        {children}
      </SimpleGrid>
    </Card>
  );
}

/** Everything entered, grouped by step, each with a way back to change it. */
function Review({ form, onEdit }: { form: OrgForm; onEdit: (step: number) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const v = form.getValues();
  const rules = v.type ? ORG_IDENTIFIER_RULES[v.type] : null;
  const f = (key: string) => t(`organizations.form.${key}`);
  const yes = (b: boolean) => t(b ? "organizations.new.review.yes" : "organizations.new.review.no");
  return (
    <Stack gap="md">
      <Text>{t("organizations.new.review.lead")}</Text>
      <ReviewGroup
        id="review-identifiers"
        title={t("organizations.new.steps.identifiers")}
        step={0}
        onEdit={onEdit}
      >
        <Fact label={f("type")} value={v.type ? labels.type(v.type) : null} />
        {rules?.scheme === "foreign" ? (
          <>
            <Fact
              label={f("country")}
              value={
                v.country ? labels.place({ type: "foreign", regionCode: null, country: v.country }) : null
              }
            />
            <Fact label={f("regNumber")} value={v.foreignRegNumber} />
          </>
        ) : (
          <>
            <Fact label={f("inn")} value={compact(v.inn)} />
            <Fact
              label={f(rules?.scheme === "russian" && rules.ogrn === "ogrnip" ? "ogrnip" : "ogrn")}
              value={compact(v.ogrn)}
            />
            {rules?.scheme === "russian" && rules.kpp && <Fact label={f("kpp")} value={compact(v.kpp)} />}
            <Fact
              label={f("region")}
              value={v.regionCode ? `${v.regionCode} — ${labels.region(v.regionCode)}` : null}
            />
          </>
        )}
      </ReviewGroup>
      <ReviewGroup id="review-about" title={t("organizations.new.steps.about")} step={1} onEdit={onEdit}>
        <Fact label={f("fullName")} value={v.fullName} />
        <Fact label={f("shortName")} value={v.shortName} />
        <Fact label={f("legalAddress")} value={v.legalAddress} />
        <Fact label={f("website")} value={normalizeWebsite(v.website)} />
        <Fact label={f("headcount")} value={String(v.headcount)} />
        <Fact label={f("revenue")} value={String(v.revenueMln)} />
        <Fact label={f("okvedMain")} value={v.okvedMain} />
        <Fact label={f("okvedSections")} value={v.okvedSections.join(", ")} />
      </ReviewGroup>
      <ReviewGroup
        id="review-contacts"
        title={t("organizations.new.steps.contacts")}
        step={2}
        onEdit={onEdit}
      >
        <Fact label={f("contactEmail")} value={v.contactEmail} />
        <Fact label={f("contactPhone")} value={v.contactPhone} />
        <Fact label={t("organizations.new.review.contactsPublic")} value={yes(v.contactsPublic)} />
      </ReviewGroup>
    </Stack>
  );
}
