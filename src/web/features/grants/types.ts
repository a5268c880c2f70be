/** Shapes of the grants API, from the generated contract (src/web/api). */
import type { Schemas } from "../../api/types";

export type Program = Schemas["GrantProgram"];
export type ProgramCard = Schemas["GrantProgramCard"];
export type Application = Schemas["GrantApplication"];
export type ApplicationCard = Schemas["GrantApplicationCard"];
export type Item = Schemas["GrantItem"];
