import { describe, expect, it } from "vitest";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { loadLocale } from "~/modules/i18n/locale-backend";
import { NARROW_NO_BREAK_SPACE as N, frenchTypography, typesetResource } from "~/modules/i18n/typography";

describe("French typography in the i18n layer", () => {
  it("puts a narrow no-break space before : ; ! ? and inside « », replacing a plain one or adding a missing one", () => {
    expect(frenchTypography("Titre : valeur")).toBe(`Titre${N}: valeur`);
    expect(frenchTypography("Remarque: x")).toBe(`Remarque${N}: x`);
    expect(frenchTypography("a ; b")).toBe(`a${N}; b`);
    expect(frenchTypography("Bonjour !")).toBe(`Bonjour${N}!`);
    expect(frenchTypography("Vraiment?")).toBe(`Vraiment${N}?`);
    expect(frenchTypography("Faim « zéro »")).toBe(`Faim «${N}zéro${N}»`);
    expect(frenchTypography("{{name}}: {{value}}")).toBe(`{{name}}${N}: {{value}}`);
  });

  it("leaves addresses, times and query strings alone, and is idempotent", () => {
    for (const text of ["https://example.org/fr?lang=fr", "10:30", "GET /fr/feed.xml?sdg=11"]) expect(frenchTypography(text)).toBe(text);
    const once = frenchTypography("Titre : « valeur » ?");
    expect(frenchTypography(once)).toBe(once);
  });

  it("applies to French only, to every string of a namespace", () => {
    expect(typesetResource("fr", { a: { b: "Statut : actif" } })).toEqual({ a: { b: `Statut${N}: actif` } });
    expect(typesetResource("es", { a: "Estado: activo" })).toEqual({ a: "Estado: activo" });
  });

  it("is what the server's and the browser's translations show, while interpolated values stay as typed", async () => {
    const t = await getTranslator("fr");
    expect(t("opendata:parameters.bbox")).toContain(`rectangle${N}:`);
    expect(t("opendata:feed.recognised", { title: "¿Qué? Hola: mundo" })).toContain("¿Qué? Hola: mundo");
    const browser = (await loadLocale("fr", "opendata")) as { parameters: { bbox: string } };
    expect(browser.parameters.bbox).toContain(`rectangle${N}:`);
    expect((await getTranslator("es"))("opendata:parameters.bbox")).not.toContain(N);
  });
});
