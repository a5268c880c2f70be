// Mantine's toast container, a chunk of its own: main.tsx mounts it after the first paint.
export { Notifications as default } from "@mantine/notifications";
