import type { DrawerProps, ModalProps } from "@mantine/core";
import { lazy, Suspense, useState } from "react";

// Mantine's Modal and Drawer bring floating-ui, a focus trap, scroll locking and transitions
// (~30 kB gzip): a page that only may open one should not pay for it before its first paint. These
// fetch their code when first opened, then stay mounted (so closing keeps its transition).
const ModalChunk = lazy(() => import("./overlays/Modal"));
const DrawerChunk = lazy(() => import("./overlays/Drawer"));

/** True from the first time `opened` was true. */
function useOpenedOnce(opened: boolean): boolean {
  const [once, setOnce] = useState(opened);
  if (opened && !once) setOnce(true);
  return once || opened;
}

/** Mantine's Modal, fetched when first opened. */
export function LazyModal(props: ModalProps) {
  if (!useOpenedOnce(props.opened)) return null;
  return (
    <Suspense fallback={null}>
      <ModalChunk {...props} />
    </Suspense>
  );
}

/** Mantine's Drawer, fetched when first opened. */
export function LazyDrawer(props: DrawerProps) {
  if (!useOpenedOnce(props.opened)) return null;
  return (
    <Suspense fallback={null}>
      <DrawerChunk {...props} />
    </Suspense>
  );
}
