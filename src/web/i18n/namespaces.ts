export type Dict = { [key: string]: string | Dict };

/** Every JSON file of a language folder, keyed by its name: ru/auth.json → "auth". */
export function namespaces(files: Record<string, Dict>): Record<string, Dict> {
  return Object.fromEntries(
    Object.entries(files).map(([file, dict]) => [file.replace(/^.*\/(.+)\.json$/, "$1"), dict]),
  );
}
