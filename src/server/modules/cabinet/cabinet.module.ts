import { defineModule } from "../../core/module.js";
import { cabinetSeeder } from "../../seed/cabinet.js";
import { CABINET_RULES } from "./cabinet.policy.js";
import { cabinetRoutes } from "./cabinet.routes.js";

/**
 * The member's cabinet (`GET /api/cabinet`) and the operator's desk (`GET /api/desk`): each one
 * response composed from the other modules' service functions; no table of its own.
 */
export const cabinetModule = defineModule({
  name: "cabinet",
  routes: [cabinetRoutes],
  rules: CABINET_RULES,
  abilities: ["desk.read"],
  // the demo member's newly eligible measures and favourites closing soon (src/server/seed/cabinet.ts)
  seed: cabinetSeeder,
});
