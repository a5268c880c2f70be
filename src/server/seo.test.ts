import { describe, expect, it } from "vitest";
import { withMeta } from "./seo.js";

const INDEX = `<!doctype html><html><head><title>Иннокластер</title>
<meta name="description" content="Платформа" />
</head><body><div id="root"></div></body></html>`;

describe("page meta tags", () => {
  it("puts an organization's own text in the title as written, even with $-patterns in it", () => {
    const title = "ООО «Доллар $' и $& $` компания» <b>";
    const html = withMeta(INDEX, {
      title,
      description: "Описание $1 $$",
      canonical: "https://x.example/o/1",
      locale: "ru",
    });
    expect(html).toContain("<title>ООО «Доллар $&apos; и $&amp; $` компания» &lt;b&gt;</title>");
    expect(html).toContain('<meta name="description" content="Описание $1 $$" />');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain('<div id="root"></div>');
  });
});
