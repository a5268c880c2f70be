// Mantine's Drawer as a chunk of its own (see ../lazyOverlays.tsx).
export { Drawer as default } from "@mantine/core";
