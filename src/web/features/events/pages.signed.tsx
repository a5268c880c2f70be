// The events' signed-in pages, one chunk (see routes.tsx), each behind its sign-in or ability check (components/guarded).
import { guarded } from "../../components/guarded";
import { EditEventPage as EditEvent, NewEventPage as NewEvent } from "./EventFormPage";
import MyEvents from "./MyEventsPage";
import OperatorEvents from "./OperatorEventsPage";
import Registrants from "./RegistrantsPage";

export const MyEventsPage = guarded(MyEvents);
export const RegistrantsPage = guarded(Registrants);
export const OperatorEventsPage = guarded(OperatorEvents, "operator.events");
export const NewEventPage = guarded(NewEvent, "operator.events");
export const EditEventPage = guarded(EditEvent, "operator.events");
