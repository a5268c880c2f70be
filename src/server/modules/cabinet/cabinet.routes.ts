import { routes } from "../../core/route.js";
import { Cabinet, Desk } from "./cabinet.contract.js";
import { getDesk } from "./cabinet.desk.service.js";
import { getCabinet } from "./cabinet.service.js";

export const cabinetRoutes = routes(["cabinet"], async (r) => {
  r.get("/cabinet", {
    action: "cabinet.read",
    summary: "My cabinet: next steps, my organizations' applications, new measures, unread counts",
    response: Cabinet,
    noStore: true,
    handler: (ctx) => getCabinet(ctx),
  });

  r.get("/desk", {
    action: "desk.read",
    summary: "The operator's desk: every queue's count and oldest item, today's decisions",
    response: Desk,
    noStore: true,
    handler: (ctx) => getDesk(ctx),
  });
});
