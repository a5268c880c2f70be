// The IP registry's signed-in pages, one chunk (see routes.tsx).
export { default as MyDepositsPage } from "./MyDepositsPage";
export { default as ReceiptPage } from "./ReceiptPage";
