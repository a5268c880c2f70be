import { defineModule } from "../../core/module.js";
import { eventsSeeder } from "../../seed/events.js";
import { EVENT_NOTIFICATION_DEFS } from "./events.notifications.js";
import { eventsPersonalData } from "./events.personal.js";
import { EVENT_RULES } from "./events.policy.js";
import { eventRoutes } from "./events.routes.js";
import { sendReminders } from "./events.service.js";

/**
 * Events (src/shared/events.ts): congresses, forums, conferences, exhibitions and business missions,
 * created and published by the operator, in a public catalog on the search engine; registration with a
 * capacity and a waitlist (a freed place goes to the first waiting, who is told), missions' applications
 * selected by the operator, reminders a day and an hour before, an .ics per event and a personal
 * calendar feed, attendance, and the participating organizations named with consent.
 */
export const eventsModule = defineModule({
  name: "events",
  routes: [eventRoutes],
  rules: EVENT_RULES,
  abilities: ["operator.events"],
  notificationKinds: EVENT_NOTIFICATION_DEFS,
  jobs: [
    {
      name: "events.reminders",
      cron: "*/5 * * * *",
      run: (s) => sendReminders(s.db, s.config.publicUrl),
    },
  ],
  seed: eventsSeeder,
  personalData: eventsPersonalData,
});
