// The pilots' signed-in pages, one chunk (see routes.tsx).
export { default as ApplyPage } from "./ApplyPage";
export { default as MyPilotsPage } from "./MyPilotsPage";
export { default as PilotPage } from "./PilotPage";
export { default as PilotQueuePage } from "./QueuePage";
