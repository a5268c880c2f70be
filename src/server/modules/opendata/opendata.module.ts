import type { JobServices, QueuedJob } from "../../core/jobs.js";
import { defineModule } from "../../core/module.js";
import { OPENDATA_RULES } from "./opendata.policy.js";
import { opendataRoutes } from "./opendata.routes.js";
import { generated, generateOpenData } from "./opendata.service.js";

const run = async ({ db, storage, config }: JobServices) => {
  await generateOpenData({ db, storage, publicUrl: config.publicUrl });
  return 0;
};

/** The first generation, sent at a start that finds none (the files exist before the first night). */
const FIRST_GENERATION: QueuedJob = { name: "opendata.first", run };

/**
 * Open data (src/shared/opendata.ts): organizations' public profiles and statuses, published measures,
 * public challenges, projects' public figures and events as CSV and JSON files under CC BY 4.0,
 * regenerated nightly at 03:00 Moscow time (and at the first start), a catalogue with each set's
 * schema, a Table Schema per set and a live paginated read-only API. Nothing personal is a column.
 */
export const opendataModule = defineModule({
  name: "opendata",
  routes: [opendataRoutes],
  rules: OPENDATA_RULES,
  abilities: ["operator.opendata.regenerate"],
  jobs: [{ name: "opendata.generate", cron: "0 3 * * *", run }],
  queued: [FIRST_GENERATION],
  onStart: async ({ db, jobs }) => {
    if (!(await generated(db))) await jobs.send(db, FIRST_GENERATION, {}, { singletonKey: "first" });
  },
});
