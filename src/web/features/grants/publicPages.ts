// The grants' public pages, one chunk (see routes.tsx).
export { default as GrantProgramPage } from "./GrantProgramPage";
export { default as GrantProgramsPage } from "./GrantProgramsPage";
