import { Alert, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../api";
import { client, unwrap } from "../../api/client";
import { SectionCard } from "../../components/SectionCard";
import { toast, toastError } from "../../components/toast";
import { warnAlert } from "./labels";
import { orgKeys, orgQueries } from "./queries";
import type { Organization } from "./types";

/**
 * The member's own decisions about being shown on the organization's public page (152-FZ art. 10.1):
 * their name and position, and — for the contact person — the organization's contacts. A manager's
 * request shows here; agreeing records a consent with the text's version; withdrawing hides at once.
 */
export function PublicConsentCard({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const q = useQuery(orgQueries.consents(org.id));
  const answer = useMutation({
    mutationFn: ({ what, agree }: { what: "public-profile" | "contacts"; agree: boolean }) =>
      unwrap(
        what === "contacts"
          ? client.PUT("/api/organizations/{id}/consents/contacts", {
              params: { path: { id: org.id } },
              body: { agree },
            })
          : client.PUT("/api/organizations/{id}/consents/public-profile", {
              params: { path: { id: org.id } },
              body: { agree },
            }),
      ),
    onSuccess: (data, vars) => {
      queryClient.setQueryData(orgKeys.consents(org.id), data);
      void queryClient.invalidateQueries({ queryKey: orgKeys.one(org.id) });
      toast(t(vars.agree ? "organizations.consent.agreed" : "organizations.consent.withdrawn"));
    },
    onError: toastError,
  });
  if (q.isError) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  if (!q.data) return null;
  const { publicProfile: p, contacts: c, version } = q.data;
  const busy = (what: string) => answer.isPending && answer.variables?.what === what;

  return (
    <SectionCard id="consent-title" title={t("organizations.consent.title")} stack="sm">
      {p.requested && (
        <Alert {...warnAlert} title={t("organizations.consent.requested", { name: p.requestedBy ?? "" })}>
          {t("organizations.consent.requestedText")}
        </Alert>
      )}
      <Text size="sm" fw={500}>
        {p.shown ? t("organizations.consent.shown") : t("organizations.consent.hidden")}
      </Text>
      {!p.shown && (
        <Text size="sm" id="consent-text">
          {t("organizations.consent.text", {
            name: p.fullName,
            position: p.position ?? t("organizations.consent.noPosition"),
            org: org.shortName,
          })}
        </Text>
      )}
      <Group gap="sm" wrap="wrap">
        {p.shown ? (
          <Button
            variant="default"
            loading={busy("public-profile")}
            onClick={() => answer.mutate({ what: "public-profile", agree: false })}
          >
            {t("organizations.consent.withdraw")}
          </Button>
        ) : (
          <>
            <Button
              aria-describedby="consent-text"
              loading={busy("public-profile")}
              onClick={() => answer.mutate({ what: "public-profile", agree: true })}
            >
              {t("organizations.consent.agree")}
            </Button>
            {p.requested && (
              <Button
                variant="default"
                disabled={busy("public-profile")}
                onClick={() => answer.mutate({ what: "public-profile", agree: false })}
              >
                {t("organizations.consent.decline")}
              </Button>
            )}
          </>
        )}
      </Group>

      {c && (
        <Stack gap="sm" mt="sm">
          <Title order={3} size="h4">
            {t("organizations.consent.contactsTitle")}
          </Title>
          <Text size="sm">
            {c.shown
              ? t("organizations.consent.contactsShown")
              : c.requested
                ? t("organizations.consent.contactsRequested")
                : t("organizations.consent.contactsHidden")}
          </Text>
          {(c.requested || c.shown) && (
            <Text size="sm" id="contacts-consent-text">
              {t("organizations.consent.contactsText", {
                email: c.email ?? "—",
                phone: c.phone ?? "—",
                org: org.shortName,
              })}
            </Text>
          )}
          <Group gap="sm" wrap="wrap">
            {c.requested && !c.shown && (
              <Button
                aria-describedby="contacts-consent-text"
                loading={busy("contacts")}
                onClick={() => answer.mutate({ what: "contacts", agree: true })}
              >
                {t("organizations.consent.contactsAgree")}
              </Button>
            )}
            {(c.requested || c.shown) && (
              <Button
                variant="default"
                disabled={busy("contacts")}
                onClick={() => answer.mutate({ what: "contacts", agree: false })}
              >
                {c.shown ? t("organizations.consent.withdraw") : t("organizations.consent.decline")}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Text size="xs" c="dimmed">
        {t("organizations.consent.version", { version })}
      </Text>
    </SectionCard>
  );
}
