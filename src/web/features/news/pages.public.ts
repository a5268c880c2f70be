// The news' public pages, one chunk (see routes.tsx).
export { default as NewsArticlePage } from "./NewsArticlePage";
export { default as NewsListPage } from "./NewsListPage";
