import { describe, expect, it } from "vitest";
import { safeRedirect } from "~/modules/accounts/session.server";

describe("safeRedirect", () => {
  it("keeps a path of this site, with its query and fragment", () => {
    expect(safeRedirect("/en/my/hubs", "/en")).toBe("/en/my/hubs");
    expect(safeRedirect("/en/council?status=submitted#list", "/en")).toBe("/en/council?status=submitted#list");
    expect(safeRedirect("/es/hubs/bogotá", "/es")).toBe("/es/hubs/bogot%C3%A1");
  });

  // Each of these sends a browser to another host, or breaks the Location header.
  const hostile = [
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/%0d%0aSet-Cookie:x=1".replace("%0d%0a", "\r\n"),
    "/en\r\nLocation: https://evil.example",
    "/..//evil.example",
    "/.//evil.example",
    "/en/../..//evil.example",
    "https://evil.example",
    "http:/evil.example",
    "HTTPS://evil.example/en",
    " https://evil.example",
    " /en",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "en/login",
    "evil.example",
    "/\u0000/evil.example",
    "",
  ];
  it.each(hostile)("falls back for %j", (target) => {
    expect(safeRedirect(target, "/en")).toBe("/en");
  });

  it("falls back when the target is not a string", () => {
    for (const target of [undefined, null, 42, ["/en/my"], { href: "/en" }]) expect(safeRedirect(target, "/fr")).toBe("/fr");
  });

  it("always answers something a Location header can carry", () => {
    for (const target of [...hostile, "/en/ünïcödé path", "/en/%ZZ", "/en?q=\u2028"]) {
      expect(() => new Headers({ Location: safeRedirect(target, "/en") })).not.toThrow();
    }
  });
});
