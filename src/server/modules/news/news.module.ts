import { defineModule } from "../../core/module.js";
import { newsSeeder } from "../../seed/news.js";
import { NEWS_RULES } from "./news.policy.js";
import { newsRoutes } from "./news.routes.js";
import { NEWS_COVERS } from "./news.service.js";

/**
 * News: the operators' articles (title, lead, body in a safe text format, tags, a cover image), drafts,
 * scheduled and archived ones; the public list and article pages, RSS 2.0 and Atom feeds (news.feeds.ts,
 * registered by app.ts beside the sitemap), the home page's latest news.
 */
export const newsModule = defineModule({
  name: "news",
  routes: [newsRoutes],
  rules: NEWS_RULES,
  abilities: ["operator.news.manage"],
  filePurposes: [NEWS_COVERS],
  seed: newsSeeder,
});
