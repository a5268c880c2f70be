import OrganizationClusters from "../clusters/OrganizationClusters";
import OrganizationPilots from "../pilots/OrganizationPilots";
import OrganizationProjects from "../projects/OrganizationProjects";

/**
 * An organization's records from other modules on its public page, below the fold: its successful
 * pilots, its projects and its clusters (one chunk loaded after the page's first one, each section with its texts).
 */
export default function OrganizationRecords({ organizationId }: { organizationId: string }) {
  return (
    <>
      <OrganizationPilots organizationId={organizationId} />
      <OrganizationProjects organizationId={organizationId} />
      <OrganizationClusters organizationId={organizationId} />
    </>
  );
}
