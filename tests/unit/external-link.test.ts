import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExternalLink } from "~/ui/external-link";

describe("ExternalLink: a link someone typed becomes an href only when it is http(s)", () => {
  it.each(["javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "https:example.org", "//evil.example", `https://example.org/${"a".repeat(2048)}`])(
    "renders %j as plain text, with no href",
    (href) => {
      const html = renderToStaticMarkup(createElement(ExternalLink, { href }, "Evidence"));
      expect(html).not.toContain("href");
      expect(html).not.toContain("<a");
      expect(html).toContain("Evidence");
    },
  );

  it.each(["https://example.org/report.pdf", "HTTP://Example.org", " https://example.org "])("renders %j as a link that does not pass the page on", (href) => {
    const html = renderToStaticMarkup(createElement(ExternalLink, { href }));
    expect(html).toMatch(/^<a href="https?:\/\/[^"]+" rel="noopener noreferrer nofollow ugc">/i);
    expect(html).toContain(`href="${href.trim()}"`);
  });
});
