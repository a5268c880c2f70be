/** Shapes of the projects API, from the generated contract (src/web/api). */
import type { QueryOf, ResponseOf, Schemas } from "../../api/types";

export type Project = Schemas["Project"];
export type ProjectCard = Schemas["ProjectCard"];
export type ProjectMember = Schemas["ProjectMember"];
export type ProjectEntry = Schemas["ProjectEntry"];
export type ProjectsPage = ResponseOf<"/api/projects", "get">;
export type ProjectsQuery = QueryOf<"/api/projects", "get">;
