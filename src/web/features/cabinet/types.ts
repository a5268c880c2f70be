/** Shapes of the cabinet and desk API, from the generated contract (src/web/api). */
import type { Schemas } from "../../api/types";

export type Cabinet = Schemas["Cabinet"];
export type CabinetStep = Schemas["CabinetStep"];
export type CabinetOrganization = Schemas["CabinetOrganization"];
export type Desk = Schemas["Desk"];
export type DeskQueue = Schemas["DeskQueue"];
export type DeskDecision = Schemas["DeskDecision"];
