import { defineModule } from "../../core/module.js";
import { healthRoutes } from "./health.routes.js";

/** Health check and the public numbers. */
export const healthModule = defineModule({ name: "health", routes: [healthRoutes] });
