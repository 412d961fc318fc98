import { describe, expect, it, vi } from "vitest";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import type { EntryContext } from "@remix-run/node";
import { createI18nInstance, i18nForRender, namespaces, remixI18next, resources, routeNamespaces } from "~/modules/i18n/i18next.server";

describe("the i18next instance a page renders with (entry.server.tsx)", () => {
  it("is made once per language and namespace list, and each translates in its own language", async () => {
    const english = await i18nForRender("en", ["common", "hub"]);
    expect(await i18nForRender("en", ["common", "hub"])).toBe(english);
    const french = await i18nForRender("fr", ["common", "hub"]);
    const other = await i18nForRender("en", ["common"]);
    expect(french).not.toBe(english);
    expect(other).not.toBe(english);
    expect(english.language).toBe("en");
    expect(french.language).toBe("fr");
    // Using the French one leaves the English one English.
    expect(french.t("common:siteName")).not.toBe("");
    expect(english.t("common:languages.fr")).not.toBe(french.t("common:languages.fr"));
    expect(english.language).toBe("en");
  });

  it("remembers plain lookups and gives what i18next gives, for every key, language and way of asking", async () => {
    const keysOf = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null ? Object.entries(value).flatMap(([name, inner]) => keysOf(inner, prefix ? `${prefix}.${name}` : name)) : [prefix];
    for (const language of SUPPORTED_LANGUAGES) {
      const reference = await createI18nInstance(language);
      const shared = await i18nForRender(language, namespaces);
      for (const ns of namespaces) {
        const fixed = shared.getFixedT(language, ns);
        const expected = reference.getFixedT(language, ns);
        for (const key of keysOf(resources.en[ns])) {
          // Twice each: the second answer is the remembered one.
          for (let round = 0; round < 2; round++) {
            expect(fixed(key), `${language} ${ns}:${key}`).toBe(expected(key));
            expect(shared.t(`${ns}:${key}`), `${language} ${ns}:${key}`).toBe(reference.t(`${ns}:${key}`));
          }
        }
      }
      // As react-i18next asks (no language given: the instance's), the second time from memory.
      const asReact = shared.getFixedT(null as never, "hub");
      const translator = (shared as unknown as { translator: { translate: (...args: unknown[]) => unknown } }).translator;
      const translateCall = vi.spyOn(translator, "translate");
      expect(asReact("lead")).toBe(reference.getFixedT(null as never, "hub")("lead"));
      expect(asReact("lead")).not.toBe("lead");
      const callsAfterFirst = translateCall.mock.calls.length;
      expect(asReact("lead")).toBe(reference.getFixedT(null as never, "hub")("lead"));
      expect(translateCall.mock.calls.length).toBe(callsAfterFirst);
      translateCall.mockRestore();
      // Calls with something to put in are i18next's every time: each gets its own values.
      const t = shared.getFixedT(language, "common");
      expect(t("nav.unread", { count: 1 })).toContain("1");
      expect(t("nav.unread", { count: 7 })).toContain("7");
      expect(t("callStrip.open", { title: "A", deadline: "B" })).toContain("A");
      expect(t("callStrip.open", { title: "C", deadline: "D" })).toContain("C");
      // A prefix, a default value and a missing key.
      expect(shared.getFixedT(language, "common", "callStrip")("open", { title: "E", deadline: "F" })).toContain("E");
      expect(t("no.such.key", "A default")).toBe("A default");
      expect(t("no.such.key")).toBe("no.such.key");
    }
  });

  it("loads the namespaces remix-i18next names for the build's route modules, worked out once per build", () => {
    const routeModules = { root: { handle: { i18n: "common" } }, hub: { handle: { i18n: ["common", "hub"] } }, about: {}, map: { handle: { i18n: ["map"] } } };
    const context = { manifest: {}, routeModules } as unknown as EntryContext;
    const names = routeNamespaces(context);
    expect(names).toEqual(remixI18next.getRouteNamespaces(context));
    expect(names).toEqual(["common", "hub", "map"]);
    // Each request's context is a new object; the build's manifest is the same one.
    expect(routeNamespaces({ ...context } as EntryContext)).toBe(names);
    expect(routeNamespaces({ manifest: {}, routeModules: { root: { handle: { i18n: "common" } } } } as unknown as EntryContext)).toEqual(["common"]);
  });
});
