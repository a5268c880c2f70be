/** Shapes of the events API, from the generated contract (src/web/api). */
import type { QueryOf, Schemas } from "../../api/types";

export type EventView = Schemas["Event"];
export type EventCard = Schemas["EventCard"];
export type EventRegistration = Schemas["EventRegistration"];
export type OperatorEvent = Schemas["OperatorEvent"];
export type EventsQuery = QueryOf<"/api/events", "get">;
