// The grants' signed-in pages, one chunk (see routes.tsx), each behind its sign-in or ability check.
import { guarded } from "../../components/guardedPage";
import { NewApplicationPage as NewApplication } from "./ApplicationForm";
import Application from "./ApplicationPage";
import AssignedGrants from "./AssignedGrantsPage";
import GrantQueue from "./GrantQueuePage";
import MyGrants from "./MyGrantsPage";
import { EditProgramPage as EditProgram, NewProgramPage as NewProgram } from "./ProgramFormPage";

export const NewApplicationPage = guarded(NewApplication);
export const ApplicationPage = guarded(Application);
export const MyGrantsPage = guarded(MyGrants);
export const GrantQueuePage = guarded(GrantQueue, "operator.grants.queue");
export const AssignedGrantsPage = guarded(AssignedGrants, "grants.review");
export const NewProgramPage = guarded(NewProgram, "operator.grants.manage");
export const EditProgramPage = guarded(EditProgram, "operator.grants.manage");
