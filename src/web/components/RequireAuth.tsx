import { Anchor, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation } from "react-router";
import type { Ability } from "../api";
import { withNext } from "../next";
import { useMe } from "../session";
import { PageLoader } from "./PageLoader";
import { usePageTitle } from "./usePageTitle";

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t("common.forbidden.title"));
  return (
    <Stack gap="md">
      <Title order={1}>{t("common.forbidden.title")}</Title>
      <Text>{t("common.forbidden.text")}</Text>
      <Anchor component={Link} to="/">
        {t("common.backHome")}
      </Anchor>
    </Stack>
  );
}

/**
 * Renders children when the visitor has the ability (or, without one, is signed in); a guest is sent to
 * `/signin?next=…`, a signed-in user without the ability sees "no access".
 */
export function RequireAuth({ ability, children }: { ability?: Ability; children: ReactNode }) {
  const { user, can, isLoading } = useMe();
  const location = useLocation();
  if (isLoading) return <PageLoader />;
  // an ability may be granted to guests too (e.g. the development mailbox)
  if (ability && can(ability)) return <>{children}</>;
  if (!user) {
    return <Navigate to={withNext("/signin", location.pathname + location.search)} replace />;
  }
  if (ability && !can(ability)) return <Forbidden />;
  return <>{children}</>;
}
