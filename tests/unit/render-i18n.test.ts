import { describe, expect, it } from "vitest";
import { i18nForRender } from "~/modules/i18n/i18next.server";

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
});
