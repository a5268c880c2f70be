// The events' public pages, one chunk (see routes.tsx).
export { default as EventPage } from "./EventPage";
export { default as EventsPage } from "./EventsPage";
