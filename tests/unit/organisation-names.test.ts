import { describe, expect, it } from "vitest";
import { isLikelyDuplicate, likelyDuplicates, normaliseOrganisationName } from "~/modules/accounts/organisation-names";

describe("organisation names", () => {
  it("compare without case, accents, punctuation or repeated spaces", () => {
    expect(normaliseOrganisationName("  Alcaldía de   Cali ")).toBe("alcaldia de cali");
    expect(normaliseOrganisationName("ALCALDIA-DE-CALI")).toBe("alcaldia de cali");
    expect(normaliseOrganisationName("Ville de Saint-Étienne")).toBe(normaliseOrganisationName("ville de saint etienne"));
  });

  it("are likely duplicates in one country when equal or one contains the other as whole words", () => {
    const cali = { id: 1, name: "Alcaldía de Cali", country_code: "CO" };
    expect(isLikelyDuplicate(cali, { id: 2, name: "ALCALDIA DE CALI", country_code: "CO" })).toBe(true);
    expect(isLikelyDuplicate(cali, { id: 3, name: "Alcaldía de Cali (Valle del Cauca)", country_code: "CO" })).toBe(true);
    expect(isLikelyDuplicate(cali, { id: 4, name: "Alcaldía de Cali", country_code: "EC" })).toBe(false);
    expect(isLikelyDuplicate(cali, { id: 5, name: "Alcaldía de Calima", country_code: "CO" })).toBe(false);
    expect(isLikelyDuplicate(cali, cali)).toBe(false);
    const found = likelyDuplicates([cali, { id: 2, name: "alcaldia de cali", country_code: "CO" }, { id: 6, name: "Lima", country_code: "PE" }]);
    expect([...found.keys()].sort()).toEqual([1, 2]);
  });
});
