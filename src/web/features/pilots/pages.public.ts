// The pilot sites' public pages, one chunk (see routes.tsx).
export { default as SitePage } from "./SitePage";
export { default as SitesPage } from "./SitesPage";
