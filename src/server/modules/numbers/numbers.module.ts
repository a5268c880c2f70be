import { defineModule } from "../../core/module.js";
import { numbersRoutes } from "./numbers.routes.js";

/**
 * The cluster in numbers («Кластер в цифрах»): public totals and monthly series computed from the
 * confirmed, public records of organizations, projects, pilots and challenges (numbers.service.ts). No
 * table, no rule: its one route is public and reads the other modules' tables in one aggregate statement.
 */
export const numbersModule = defineModule({ name: "numbers", routes: [numbersRoutes] });
