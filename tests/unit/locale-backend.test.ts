import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nConfig } from "~/modules/i18n/config";
import { loadLocale, localeBackend, localeFiles } from "~/modules/i18n/locale-backend";
import { typesetResource } from "~/modules/i18n/typography";
import { LANGUAGES, LOCALES_DIR } from "../support/locales";

function namespacesOnDisk(language: string) {
  return readdirSync(path.join(LOCALES_DIR, language))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.replace(/\.json$/, ""))
    .sort();
}

describe("the browser's locale backend", () => {
  it.each(LANGUAGES)("lists every file of locales/%s, and only those", (language) => {
    expect(Object.keys(localeFiles[language]).sort()).toEqual(namespacesOnDisk(language));
  });

  it.each(LANGUAGES)("loads each namespace of %s as the file on disk, typeset for its language", async (language) => {
    for (const namespace of namespacesOnDisk(language)) {
      const onDisk = JSON.parse(readFileSync(path.join(LOCALES_DIR, language, `${namespace}.json`), "utf8"));
      expect(await loadLocale(language, namespace)).toEqual(typesetResource(language, onDisk));
    }
  });

  it("refuses a language or a namespace that has no file", async () => {
    await expect(loadLocale("de", "common")).rejects.toThrow(/locales\/de\/common\.json/);
    await expect(loadLocale("en", "nonexistent")).rejects.toThrow(/locales\/en\/nonexistent\.json/);
    await expect(loadLocale("en", "constructor")).rejects.toThrow();
  });

  it("gives i18next the page's namespaces, then more on demand and another language on a switch", async () => {
    const i18n = createInstance();
    await i18n.use(localeBackend).init({ ...i18nConfig, lng: "en", ns: ["common"], fallbackLng: false });
    expect(i18n.t("common:nav.map")).toBe("Map of HUBs");
    expect(i18n.hasLoadedNamespace("map")).toBe(false);

    await i18n.loadNamespaces("map");
    expect(i18n.t("map:openDataLink")).toBe("Open data: download every HUB");

    await i18n.changeLanguage("es");
    expect(i18n.t("common:nav.map")).toBe("Mapa de los HUBs");
    expect(i18n.t("map:openDataLink")).toBe("Datos abiertos: descargar todos los HUBs");
  });

  it("downloads no English fallback for a French page (every language has every key)", async () => {
    const i18n = createInstance();
    await i18n.use(localeBackend).init({ ...i18nConfig, lng: "fr", ns: ["common", "map"], fallbackLng: false });
    expect(i18n.t("common:nav.map")).toBe("Carte des HUBs");
    expect(Object.keys(i18n.store.data)).toEqual(["fr"]);
  });
});
