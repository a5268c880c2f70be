import { z } from "zod";
import { IdParams, Version } from "../../core/contract.js";
import { routes } from "../../core/route.js";
import { auditRefusals } from "../organizations/access.js";
import {
  ApplicationsPage,
  ApplicationsQuery,
  ApplyBody,
  AttachBody,
  Cluster,
  ClusterApplication,
  ClusterBody,
  ClustersPage,
  ClustersQuery,
  DecisionBody,
  MemberParams,
  OrganizationClusters,
  ProjectParams,
  UpdateClusterBody,
  VisibilityBody,
} from "./clusters.contract.js";
import * as svc from "./clusters.service.js";

/**
 * The catalog and a cluster's page are public; creating and editing clusters is the operator's; the rest
 * needs a signed-in user, checked per record by the service (404 to those who may not act on a record).
 */
const action = "clusters.access";

export const clusterRoutes = routes(["clusters"], (r) => {
  auditRefusals(r.app);

  r.get("/clusters", {
    action: "public",
    summary: "The clusters' catalog: words of the name or the theme",
    query: ClustersQuery,
    response: ClustersPage,
    handler: (ctx, { query }) => svc.searchClusters(ctx, query),
  });

  r.get("/clusters/:id", {
    action: "public",
    summary: "A cluster: the lead, the members that agreed to be named, its projects and totals",
    params: IdParams,
    response: Cluster,
    handler: (ctx, { params }) => svc.getCluster(ctx, params.id),
  });

  r.get("/organizations/:id/clusters", {
    action: "public",
    summary: "The clusters an organization leads or is a named member of",
    params: IdParams,
    response: OrganizationClusters,
    handler: (ctx, { params }) => svc.organizationClusters(ctx, params.id),
  });

  r.post("/clusters", {
    action: "operator.clusters.manage",
    summary: "Create a cluster and appoint its lead (an operator)",
    body: ClusterBody,
    response: Cluster,
    status: 201,
    handler: (ctx, { body }) => svc.createCluster(ctx, body),
  });

  r.patch("/clusters/:id", {
    action: "operator.clusters.manage",
    summary:
      "Edit a cluster or appoint another lead (naming the version seen: stale is 409 with the cluster now)",
    params: IdParams,
    body: UpdateClusterBody,
    response: Cluster,
    handler: (ctx, { params, body }) => svc.updateCluster(ctx, params.id, body),
  });

  r.post("/clusters/:id/applications", {
    action,
    summary: "Apply to join for an organization (its owner or admin)",
    rateLimit: { max: 30, timeWindow: "1 hour" },
    params: IdParams,
    body: ApplyBody,
    response: ClusterApplication,
    status: 201,
    handler: (ctx, { params, body }) => svc.apply(ctx, params.id, body),
  });

  r.get("/clusters/:id/applications", {
    action,
    summary: "The applications to a cluster in one state, pending by default (the lead's owner or admin)",
    params: IdParams,
    query: ApplicationsQuery,
    response: ApplicationsPage,
    handler: (ctx, { params, query }) => svc.listApplications(ctx, params.id, query),
  });

  r.post("/cluster-applications/:id/decision", {
    action,
    summary: "Accept or decline an application with a reason (the lead's owner or admin; one decision wins)",
    params: IdParams,
    body: DecisionBody,
    response: ClusterApplication,
    handler: (ctx, { params, body }) => svc.decide(ctx, params.id, body),
  });

  r.post("/cluster-applications/:id/withdrawal", {
    action,
    summary: "Withdraw a pending application (the applicant's owner or admin)",
    params: IdParams,
    body: z.object({ version: Version }).strict(),
    response: ClusterApplication,
    handler: (ctx, { params, body }) => svc.withdraw(ctx, params.id, body.version),
  });

  r.delete("/clusters/:id/members/:organizationId", {
    action,
    summary: "Leave a cluster (the member's owner or admin) or remove a member (the lead's owner or admin)",
    params: MemberParams,
    status: 204,
    handler: (ctx, { params }) => svc.removeMember(ctx, params.id, params.organizationId),
  });

  r.patch("/clusters/:id/members/:organizationId", {
    action,
    summary: "Whether the member is named on the cluster's public page (the member's owner or admin)",
    params: MemberParams,
    body: VisibilityBody,
    response: Cluster,
    handler: (ctx, { params, body }) => svc.setVisibility(ctx, params.id, params.organizationId, body.public),
  });

  r.post("/clusters/:id/projects", {
    action,
    summary: "Attach a member's project to the cluster (the project lead's owner or admin)",
    params: IdParams,
    body: AttachBody,
    response: Cluster,
    handler: (ctx, { params, body }) => svc.attachProject(ctx, params.id, body.projectId),
  });

  r.delete("/clusters/:id/projects/:projectId", {
    action,
    summary: "Detach a project from the cluster (the project lead's owner or admin)",
    params: ProjectParams,
    response: Cluster,
    handler: (ctx, { params }) => svc.detachProject(ctx, params.id, params.projectId),
  });
});
