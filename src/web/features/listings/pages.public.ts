// The exchanges' public pages, one chunk (see routes.tsx).
export { default as ListingCatalogPage } from "./CatalogPage";
export { default as ExchangesPage } from "./ExchangesPage";
export { default as ListingPage } from "./ListingPage";
