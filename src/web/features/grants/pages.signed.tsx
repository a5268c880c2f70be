// The grants' signed-in pages, one chunk (see routes.tsx), each behind its sign-in or ability check.

import { Alert, Skeleton } from "@mantine/core";
import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import type { Ability } from "../../api";
import { withNext } from "../../next";
import { useMe } from "../../session";
import { NewApplicationPage as NewApplication } from "./ApplicationForm";
import Application from "./ApplicationPage";
import AssignedGrants from "./AssignedGrantsPage";
import GrantQueue from "./GrantQueuePage";
import MyGrants from "./MyGrantsPage";
import { EditProgramPage as EditProgram, NewProgramPage as NewProgram } from "./ProgramFormPage";

/**
 * A page for the signed-in (with the ability, when named): a guest goes to the sign-in and comes back.
 * (components/RequireAuth does the same for the entry's routes; imported from a lazy chunk, it makes the
 * build split the entry's shared components into chunks of their own, over every page's budget.)
 */
const guarded = (Page: ComponentType, ability?: Ability) =>
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

export const NewApplicationPage = guarded(NewApplication);
export const ApplicationPage = guarded(Application);
export const MyGrantsPage = guarded(MyGrants);
export const GrantQueuePage = guarded(GrantQueue, "operator.grants.queue");
export const AssignedGrantsPage = guarded(AssignedGrants, "grants.review");
export const NewProgramPage = guarded(NewProgram, "operator.grants.manage");
export const EditProgramPage = guarded(EditProgram, "operator.grants.manage");
