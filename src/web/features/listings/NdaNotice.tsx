// An order behind an NDA: to a reader who has not accepted it, the NDA's text in place of the details
// and the way to accept it (signed in: NdaAccept, a chunk of its own; a guest: signing in first).
import { Button, Skeleton, Stack, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { NDA_VERSION, ndaTexts } from "../../../shared/nda";
import { SectionCard } from "../../components/SectionCard";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { useLocale } from "./labels";
import type { Listing } from "./types";

const NdaAccept = lazy(() => import("./NdaAccept"));
/** Who accepted it (the listing's organization and operators; a reader, their own organizations). */
export const NdaAcceptances = lazy(() => import("./NdaAccept").then((m) => ({ default: m.NdaAcceptances })));

/** The NDA's text and the way to accept it, in place of the hidden details. */
export function NdaNotice({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useMe();
  return (
    <SectionCard id="listing-nda" title={t("listings.nda.title")} titleGap="sm">
      <Stack gap="md">
        <Text>{t("listings.nda.lead")}</Text>
        <Stack
          gap={4}
          p="sm"
          bg="gray.0"
          style={{ borderRadius: "var(--mantine-radius-sm)" }}
          aria-labelledby="nda-text-title"
        >
          <Title order={3} size="h5" id="nda-text-title">
            {ndaTexts.sayIn(locale, "title")}
          </Title>
          <Text size="xs" c="dimmed">
            {t("listings.nda.edition", { version: NDA_VERSION })}
          </Text>
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {ndaTexts.sayIn(locale, "text")}
          </Text>
        </Stack>
        {me.user ? (
          <Suspense fallback={<Skeleton height={36} />}>
            <NdaAccept listing={listing} />
          </Suspense>
        ) : (
          !me.isLoading && (
            <Button
              component={Link}
              to={withNext("/signin", `/listings/${listing.id}`)}
              variant="light"
              style={{ alignSelf: "flex-start" }}
            >
              {t("listings.nda.signIn")}
            </Button>
          )
        )}
      </Stack>
    </SectionCard>
  );
}
