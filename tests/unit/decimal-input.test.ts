import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { parseDecimal } from "~/modules/forms/decimal";
import { SignupSchema } from "~/modules/accounts/schemas";
import { localeKeys } from "../support/locales";

describe("decimal input, one rule for every language", () => {
  it("reads a decimal comma or point, and the minus signs the hints show", () => {
    expect(parseDecimal("43,263")).toBe(43.263);
    expect(parseDecimal("43.263")).toBe(43.263);
    expect(parseDecimal(" −2,9253 ")).toBe(-2.9253);
    expect(parseDecimal("-74.08")).toBe(-74.08);
    expect(parseDecimal("7")).toBe(7);
    for (const text of ["", "1.234,5", "4,6,1", "abc", "4.", ",5", "1e3"]) expect(parseDecimal(text), text).toBeUndefined();
  });

  it("a Spanish sign-up with '43,263' and '−2,925' stores those coordinates", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries({
      mode: "create",
      displayName: "Ana",
      email: "ana@example.org",
      password: "Bilbao-Ria-2030-verde",
      passwordConfirm: "Bilbao-Ria-2030-verde",
      language: "es",
      organisationName: "Ayuntamiento de Bilbao",
      kind: "local_government",
      countryCode: "ES",
      region: "europe",
      city: "Bilbao",
      latitude: "43,263",
      longitude: "−2,925",
    }))
      form.append(key, value);
    const submission = parseWithZod(form, { schema: SignupSchema });
    expect(submission.status === "success" ? submission.value : submission.error).toMatchObject({ latitude: 43.263, longitude: -2.925 });
    form.set("latitude", "norte");
    const refused = parseWithZod(form, { schema: SignupSchema });
    expect(refused.status === "error" ? refused.error?.latitude : undefined).toEqual(["validation:number"]);
  });

  it("coordinate hints agree within each language (one decimal separator in the examples)", () => {
    for (const language of ["en", "es", "fr"] as const) {
      const keys = localeKeys(language);
      const hints = ["proposals:form.latitude.help", "proposals:form.longitude.help", "accounts:fields.latitudeHelp", "accounts:fields.longitudeHelp"].map((key) => keys.get(key)!);
      const separators = new Set(hints.map((hint) => /\d([.,])\d/.exec(hint)?.[1]));
      expect(separators, `${language}: ${hints.join(" | ")}`).toEqual(new Set([language === "en" ? "." : ","]));
    }
  });

  it("a date field beside a native picker has no format hint the picker does not show", () => {
    for (const language of ["en", "es", "fr"] as const) {
      expect(localeKeys(language).get("proposals:form.startDate.help")).not.toMatch(/YYYY|AAAA|MM|JJ|DD/);
    }
  });

  it("the open-data page's field table has a heading of its own and a description for every field", () => {
    const keys = localeKeys("en");
    expect(keys.get("opendata:fields.heading")).toBe("Fields");
    expect(keys.get("opendata:fields.about.title")).not.toBe(keys.get("opendata:fields.heading"));
  });
});
