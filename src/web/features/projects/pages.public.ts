// The projects' public pages, one chunk (see routes.tsx).
export { default as ProjectPage } from "./ProjectPage";
export { default as ProjectsPage } from "./ProjectsPage";
