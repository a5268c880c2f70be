// Types of web-budget.mjs, for its test.
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;
export interface PublicPage {
  name: string;
  path: string;
  module: string;
  ceiling?: number;
}
export interface PageSize extends PublicPage {
  js: string[];
  css: string[];
  jsBytes: number;
  cssBytes: number;
}
export const BUDGET_BYTES: number;
export const PUBLIC_PAGES: PublicPage[];
export function staticClosure(
  manifest: Manifest,
  key: string,
  seen?: Set<string>,
): { js: string[]; css: string[] };
export function entryKey(manifest: Manifest): string;
export function measurePages(
  manifest: Manifest,
  pages: PublicPage[],
  sizeOf: (file: string) => number,
): PageSize[];
export function limitOf(page: PublicPage, budget?: number): number;
export function overBudget(rows: PageSize[], budget?: number): string[];
export function kb(bytes: number): string;
export function gzipSizeOf(dir: string): (file: string) => number;
export function formatReport(
  rows: PageSize[],
  opts?: {
    budget?: number;
    sizeOf?: (file: string) => number;
    modules?: Record<string, { module: string; bytes: number }[]>;
  },
): string;
