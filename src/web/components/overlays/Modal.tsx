// Mantine's Modal as a chunk of its own (see ../lazyOverlays.tsx).
export { Modal as default } from "@mantine/core";
