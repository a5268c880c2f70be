/** Shapes of the pilots API, from the generated contract (src/web/api). */
import type { QueryOf, ResponseOf, Schemas } from "../../api/types";

export type Site = Schemas["PilotSite"];
export type SiteCard = Schemas["PilotSiteCard"];
export type Pilot = Schemas["Pilot"];
export type PilotCard = Schemas["PilotCard"];
export type SitesPage = ResponseOf<"/api/pilot-sites", "get">;
export type SitesQuery = QueryOf<"/api/pilot-sites", "get">;
