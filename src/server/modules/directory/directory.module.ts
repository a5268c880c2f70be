import { defineModule } from "../../core/module.js";
import { directoryRoutes } from "./directory.routes.js";

/** The public directory of organizations and their public pages (public routes: no rules of its own). */
export const directoryModule = defineModule({ name: "directory", routes: [directoryRoutes] });
