// The author's pages, one chunk (see routes.tsx).
export { EditListingPage, NewListingPage } from "./ListingFormPage";
export { default as MyListingsPage } from "./MyListingsPage";
