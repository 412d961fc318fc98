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

  it("remembers lookups and gives what i18next gives, for every key, language and way of asking", async () => {
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
      // Calls with values: each gets i18next's answer for its own values, the second time from memory.
      const t = shared.getFixedT(language, "common");
      const expectedT = reference.getFixedT(language, "common");
      const withValues: [string, Record<string, unknown> | string][] = [
        ["nav.unread", { count: 1 }],
        ["nav.unread", { count: 7 }],
        ["nav.unread", { count: "7" }],
        ["callStrip.open", { title: "A", deadline: "B" }],
        ["callStrip.open", { title: "C", deadline: "D" }],
        ["callStrip.open", { title: "<b>", deadline: null }],
        ["no.such.key", { defaultValue: "Default {{n}}", n: 3 }],
      ];
      for (const [key, options] of withValues) {
        const answer = expectedT(key, options as never);
        expect(t(key, options as never), `${language} ${key} ${JSON.stringify(options)}`).toBe(answer);
        const calls = translateCall.mock.calls.length;
        expect(t(key, options as never)).toBe(answer);
        expect(translateCall.mock.calls.length, `${key} ${JSON.stringify(options)} remembered`).toBe(calls);
      }
      expect(t("nav.unread", { count: 1 })).toContain("1");
      expect(t("nav.unread", { count: 7 })).toContain("7");
      expect(t("callStrip.open", { title: "C", deadline: "D" })).toContain("C");
      // Values that are not plain (a date, an object, undefined) go to i18next every time.
      for (const options of [{ title: new Date(0), deadline: "x" }, { title: { name: "x" }, deadline: "x" }, { title: undefined, deadline: "x" }]) {
        const calls = translateCall.mock.calls.length;
        expect(t("callStrip.open", options as never)).toBe(expectedT("callStrip.open", options as never));
        expect(t("callStrip.open", options as never)).toBe(expectedT("callStrip.open", options as never));
        expect(translateCall.mock.calls.length).toBe(calls + 2);
      }
      translateCall.mockRestore();
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
