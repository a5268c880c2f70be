// A signed-in page of a lazy chunk (the grants', the news' operator pages, the events'), behind its check.
import { Alert, Skeleton } from "@mantine/core";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Ability } from "../api";
import { withNext } from "../next";
import { useMe } from "../session";

/**
 * A page for the signed-in (with the ability, when named): a guest goes to the sign-in and comes back.
 * (components/RequireAuth does the same for the entry's routes; imported from a lazy chunk, it makes the
 * build split the entry's shared components into chunks of their own, over every page's budget.)
 */
export const guarded = (Page: ComponentType, ability?: Ability) =>
  function Guarded() {
    const { t } = useTranslation();
    const { user, can, isLoading } = useMe();
    const location = useLocation();
    if (isLoading) return <Skeleton height={400} />;
    if (!user) return <Navigate to={withNext("/signin", location.pathname + location.search)} replace />;
    if (ability && !can(ability))
      return (
        <Alert color="yellow" title={t("common.forbidden.title")}>
          {t("common.forbidden.text")}
        </Alert>
      );
    return <Page />;
  };
