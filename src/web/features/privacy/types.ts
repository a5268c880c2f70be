import type { Schemas } from "../../api/types";

export type DataExport = Schemas["DataExport"];
export type PendingErasure = Schemas["PendingErasure"];
