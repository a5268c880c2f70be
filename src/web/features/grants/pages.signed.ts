// The grants' signed-in pages, one chunk (see routes.tsx).
export { NewApplicationPage } from "./ApplicationForm";
export { default as ApplicationPage } from "./ApplicationPage";
export { default as GrantQueuePage } from "./GrantQueuePage";
export { default as MyGrantsPage } from "./MyGrantsPage";
export { EditProgramPage, NewProgramPage } from "./ProgramFormPage";
