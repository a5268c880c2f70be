import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { describe, expect, it } from "vitest";
import { ruTextsPerModule } from "../vite.config";

// The build's plugin that gives each module of the web app the Russian message files it reads
// (vite.config.ts, ARCHITECTURE.md › Web): which files a module gets.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const plugin = ruTextsPerModule() as Plugin & {
  transform: (code: string, id: string) => { code: string } | undefined;
  load: (id: string) => string | undefined;
  resolveId: (id: string) => string | undefined;
};
const page = path.join(root, "src/web/features/example/ExamplePage.tsx");
const imported = (code: string, id = page) =>
  [...(plugin.transform(code, id)?.code ?? "").matchAll(/import "virtual:ru-texts\/(\w+)";/g)].map(
    (m) => m[1],
  );

describe("Russian messages per module", () => {
  it("adds the files whose keys a module names: t(), i18nKey, a dynamic key's prefix, a plural key", () => {
    const code = [
      'const title = t("auth.signIn.title");',
      '<Trans i18nKey="legal.privacy.title" />;',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a module's source, with a template literal in it
      "t(`common.roles.${role}`);",
      't("auth.signUp.title");',
    ].join("\n");
    expect(imported(code).sort()).toEqual(["auth", "common", "legal"]);
    // the module's own code follows, unchanged
    expect(plugin.transform(code, page)?.code.endsWith(code)).toBe(true);
  });

  it("leaves out abilities, addresses and strings that only start with a file's name", () => {
    const code = [
      'if (can("admin.jobs")) show();',
      '<RequireAuth ability="audit.read" />;',
      'const api = "/api/organizations";',
      'const unknown = t("organizations.noSuchKey.here");',
    ].join("\n");
    expect(imported(code)).toEqual([]);
  });

  it("touches only the web app's modules outside i18n/", () => {
    const code = 't("auth.signIn.title");';
    expect(imported(code, path.join(root, "src/web/i18n/index.ts"))).toEqual([]);
    expect(imported(code, path.join(root, "src/server/app.ts"))).toEqual([]);
    expect(imported(code, path.join(root, "src/web/components/Header.tsx"))).toEqual(["auth"]);
  });

  it("a file's module adds that file's messages under its name", () => {
    const id = plugin.resolveId("virtual:ru-texts/auth");
    expect(id).toBe("\0virtual:ru-texts/auth");
    const code = plugin.load(id ?? "") ?? "";
    expect(code).toContain(path.join(root, "src/locales/ru/auth.json"));
    expect(code).toContain('addRussianTexts({ "auth": texts });');
  });
});
