// The author's pages, one chunk (see routes.tsx).
export { EditListingPage, NewListingPage } from "./ListingFormPage";
export { default as MyListingsPage } from "./MyListingsPage";
export { default as MyResponsesPage } from "./MyResponsesPage";
export { default as ResponsePage } from "./ResponsePage";
export { default as SavedListingsPage } from "./SavedListingsPage";
