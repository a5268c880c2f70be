/** Shapes of the news API, from the generated contract (src/web/api). */
import type { Schemas } from "../../api/types";

export type Article = Schemas["NewsArticle"];
export type NewsCard = Schemas["NewsCard"];
export type NewsPage = Schemas["NewsPage"];
