import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ELIGIBILITY_FLAGS } from "../../../shared/eligibility";
import { ORG_IDENTIFIER_RULES } from "../../../shared/organizations";
import { EmailLink, PhoneLink } from "../../components/ContactText";
import { useFormat } from "../../format";
import { useLabels } from "./labels";
import type { Organization } from "./types";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd style={{ overflowWrap: "anywhere" }}>{children}</dd>
    </div>
  );
}

function Section({
  id,
  title,
  level,
  children,
}: {
  id: string;
  title: string;
  level: 2 | 3;
  children: ReactNode;
}) {
  return (
    <Card withBorder padding={level === 2 ? "lg" : "md"} component="section" aria-labelledby={id}>
      <Title order={level} size={level === 2 ? "h3" : "h4"} id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** The full profile as facts (members and operators see every field). */
export function ProfileFacts({
  org,
  idPrefix = "profile",
  level = 2,
}: {
  org: Organization;
  idPrefix?: string;
  /** Heading level of the sections (3 when the profile sits inside another section). */
  level?: 2 | 3;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const rules = ORG_IDENTIFIER_RULES[org.type];
  const dash = "—";
  const safeWebsite = org.website && /^https?:\/\//i.test(org.website) ? org.website : null;
  const stated = ELIGIBILITY_FLAGS.filter((f) => typeof org.declaredFlags?.[f] === "boolean");

  return (
    <Stack gap="md">
      <Section level={level} id={`${idPrefix}-main`} title={t("organizations.profile.main")}>
        <dl className="facts">
          <Fact label={t("organizations.form.fullName")}>{org.fullName}</Fact>
          <Fact label={t("organizations.form.type")}>{labels.type(org.type)}</Fact>
          {rules.scheme === "russian" ? (
            <>
              <Fact label={t("organizations.form.inn")}>{org.inn ?? dash}</Fact>
              <Fact
                label={t(rules.ogrn === "ogrn" ? "organizations.form.ogrn" : "organizations.form.ogrnip")}
              >
                {org.ogrn ?? dash}
              </Fact>
              {rules.kpp && <Fact label={t("organizations.form.kpp")}>{org.kpp ?? dash}</Fact>}
              <Fact label={t("organizations.form.region")}>
                {org.regionCode ? `${org.regionCode} — ${labels.region(org.regionCode)}` : dash}
              </Fact>
            </>
          ) : (
            <>
              <Fact label={t("organizations.form.country")}>
                {org.country ? labels.country(org.country) : dash}
              </Fact>
              <Fact label={t("organizations.form.regNumber")}>{org.foreignRegNumber ?? dash}</Fact>
            </>
          )}
          <Fact label={t("organizations.form.legalAddress")}>{org.legalAddress || dash}</Fact>
          <Fact label={t("organizations.form.foundedOn")}>
            {org.foundedOn ? format.date(org.foundedOn) : dash}
          </Fact>
          <Fact label={t("organizations.form.website")}>
            {safeWebsite ? (
              <Anchor href={safeWebsite} target="_blank" rel="noopener noreferrer nofollow">
                {org.website}
              </Anchor>
            ) : (
              (org.website ?? dash)
            )}
          </Fact>
          <Fact label={t("organizations.profile.registeredAt")}>{format.date(org.createdAt)}</Fact>
        </dl>
      </Section>

      <Section level={level} id={`${idPrefix}-description`} title={t("organizations.form.description")}>
        {org.descriptionRu ? (
          <Text style={{ whiteSpace: "pre-wrap" }}>{org.descriptionRu}</Text>
        ) : (
          <Text>{t("organizations.profile.noDescription")}</Text>
        )}
        {org.descriptionEn && (
          <>
            <Text fw={600} mt="md">
              {t("organizations.form.descriptionEn")}
            </Text>
            <Text lang="en" style={{ whiteSpace: "pre-wrap" }}>
              {org.descriptionEn}
            </Text>
          </>
        )}
      </Section>

      <Section level={level} id={`${idPrefix}-size`} title={t("organizations.profile.sizeAndActivity")}>
        <dl className="facts">
          <Fact label={t("organizations.form.headcount")}>
            {org.headcount === null ? dash : format.number(org.headcount)}
          </Fact>
          <Fact label={t("organizations.form.revenue")}>
            {org.revenueMln === null ? dash : format.number(org.revenueMln)}
          </Fact>
          <Fact label={t("organizations.profile.sme")}>
            {org.smeCategory ? labels.sme(org.smeCategory) : dash}
          </Fact>
          <Fact label={t("organizations.form.okvedMain")}>{org.okvedMain ?? dash}</Fact>
          <Fact label={t("organizations.form.okvedSections")}>
            {org.okvedSections.length === 0
              ? dash
              : org.okvedSections.map((s) => `${s} — ${labels.okved(s)}`).join("; ")}
          </Fact>
        </dl>
        {org.tags.length > 0 && (
          <Group gap={6} mt="sm" aria-label={t("organizations.form.tags")} role="list">
            {org.tags.map((tag) => (
              <Badge key={tag} variant="outline" color="indigo" role="listitem">
                {labels.tag(tag)}
              </Badge>
            ))}
          </Group>
        )}
      </Section>

      <Section level={level} id={`${idPrefix}-flags`} title={t("organizations.form.sections.flags")}>
        {stated.length === 0 ? (
          <Text>{t("organizations.profile.flagsNone")}</Text>
        ) : (
          <>
            <dl className="facts">
              {stated.map((f) => (
                <Fact key={f} label={t(`organizations.form.flags.names.${f}`)}>
                  {org.declaredFlags[f]
                    ? t("organizations.form.flags.yes")
                    : t("organizations.form.flags.no")}
                </Fact>
              ))}
            </dl>
            {org.declaredFlagsAt && (
              <Text size="sm" mt="xs">
                {t("organizations.profile.flagsAt", { date: format.date(org.declaredFlagsAt) })}
              </Text>
            )}
          </>
        )}
        <Text size="sm" mt="xs">
          {t("organizations.profile.flagsNote")}
        </Text>
      </Section>

      <Section level={level} id={`${idPrefix}-contacts`} title={t("organizations.form.sections.contacts")}>
        <dl className="facts">
          <Fact label={t("organizations.form.contactEmail")}>
            {org.contactEmail ? <EmailLink email={org.contactEmail} /> : dash}
          </Fact>
          <Fact label={t("organizations.form.contactPhone")}>
            {org.contactPhone ? <PhoneLink phone={org.contactPhone} /> : dash}
          </Fact>
        </dl>
        <Text size="sm" mt="xs">
          {org.contactsPublic && org.contactsConsentAt
            ? t("organizations.profile.contactsPublic")
            : org.contactsPublic
              ? t("organizations.profile.contactsAwaiting")
              : t("organizations.profile.contactsPrivate")}
        </Text>
      </Section>
    </Stack>
  );
}
