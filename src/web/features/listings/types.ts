/** Shapes of the listings API, from the generated contract (src/web/api). */
import type { QueryOf, ResponseOf, Schemas } from "../../api/types";

export type Listing = Schemas["Listing"];
export type ListingCard = Schemas["ListingCard"];
export type FieldValue = Schemas["ListingFieldValue"];
export type QueueItem = Schemas["ListingQueueItem"];
export type MyListing = Schemas["MyListing"];
export type ListingsPage = ResponseOf<"/api/listings", "get">;
export type ListingsQuery = QueryOf<"/api/listings", "get">;
export type QueuePage = ResponseOf<"/api/operator/listings", "get">;
export type ListingResponse = Schemas["ListingResponse"];
export type ResponseSummary = Schemas["ListingResponseSummary"];
export type ExchangeRecord = Schemas["ExchangeRecord"];
