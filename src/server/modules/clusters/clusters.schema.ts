import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { APPLICATION_STATES } from "../../../shared/clusters.js";
import { createdAt, parentRef, primaryId, timestamps, tz, version } from "../../core/columns.js";
import { organizations } from "../organizations/organizations.schema.js";

export const clusterApplicationStateEnum = pgEnum("cluster_application_state", APPLICATION_STATES);

/**
 * An inter-industry cluster (src/shared/clusters.ts): name, theme, industries (OKVED sections), the lead
 * organization the operator appoints (null only when the lead organization was deleted: the operator
 * appoints another). Every edit bumps `version` (409 stale).
 */
export const clusters = pgTable(
  "clusters",
  {
    id: primaryId(),
    nameRu: text("name_ru").notNull(),
    themeRu: text("theme_ru").notNull(),
    industries: text("industries").array().notNull().default(sql`'{}'::text[]`),
    leadOrganizationId: uuid("lead_organization_id").references(() => organizations.id, {
      onDelete: "set null",
    }),
    createdBy: uuid("created_by"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("clusters_lead_idx").on(t.leadOrganizationId),
    index("clusters_name_trgm").using("gin", sql`${t.nameRu} gin_trgm_ops`),
  ],
);

/**
 * A cluster's member organizations, the lead among them. `public`: the organization agreed to be named
 * on the cluster's public page (given by its owner or admin when applying, changeable by them).
 */
export const clusterMembers = pgTable(
  "cluster_members",
  {
    clusterId: parentRef("cluster_id", () => clusters.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    public: boolean("public").notNull().default(false),
    joinedAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clusterId, t.organizationId] }),
    index("cluster_members_organization_idx").on(t.organizationId),
  ],
);

/**
 * An organization's application to join a cluster, with its motivation; the lead's owner or admin
 * accepts or declines it (with a reason). One pending application per cluster and organization. Every
 * decision is one conditional update on id, version and state (the loser of a race gets 409).
 */
export const clusterApplications = pgTable(
  "cluster_applications",
  {
    id: primaryId(),
    clusterId: parentRef("cluster_id", () => clusters.id),
    organizationId: parentRef("organization_id", () => organizations.id),
    state: clusterApplicationStateEnum("state").notNull().default("pending"),
    motivationRu: text("motivation_ru").notNull(),
    /** The applicant agrees to be named on the cluster's public page once a member. */
    public: boolean("public").notNull().default(false),
    authorId: uuid("author_id"),
    reasonRu: text("reason_ru"),
    decidedBy: uuid("decided_by"),
    decidedAt: tz("decided_at"),
    ...timestamps(),
    version: version(),
  },
  (t) => [
    index("cluster_applications_cluster_idx").on(t.clusterId, t.state, t.createdAt),
    index("cluster_applications_organization_idx").on(t.organizationId),
    uniqueIndex("cluster_applications_pending_key")
      .on(t.clusterId, t.organizationId)
      .where(sql`${t.state} = 'pending'`),
  ],
);
