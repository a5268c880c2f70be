// The projects' signed-in pages, one chunk (see routes.tsx).
export { default as EntryQueuePage } from "./EntryQueuePage";
export { InvitationAnswer, ManagePanels } from "./ManagePanels";
export { default as MyProjectsPage } from "./MyProjectsPage";
export { EditProjectPage, NewProjectPage } from "./ProjectFormPage";
