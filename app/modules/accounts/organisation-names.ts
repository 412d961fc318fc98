/**
 * When two organisation names are the same organisation: compared without case, accents, punctuation
 * or repeated spaces ("Alcaldía de Cali" = "ALCALDIA DE CALI" = "Alcaldia-de Cali"), in one country.
 * Sign-up refuses a new organisation whose name is already registered in that country (the person is
 * told to ask to join it); the secretariat's page lists likely duplicates beside each organisation.
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export interface NamedOrganisation {
  id: number;
  name: string;
  country_code: string;
}

/** Same country and the same normalised name, or one normalised name containing the other as whole words. */
export function isLikelyDuplicate(a: NamedOrganisation, b: NamedOrganisation): boolean {
  if (a.id === b.id || a.country_code !== b.country_code) return false;
  const [x, y] = [normaliseOrganisationName(a.name), normaliseOrganisationName(b.name)];
  if (!x || !y) return false;
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length >= 4 && ` ${longer} `.includes(` ${shorter} `);
}

/** For each organisation, the others that are likely the same (by id). */
export function likelyDuplicates<T extends NamedOrganisation>(organisations: T[]): Map<number, T[]> {
  const byCountry = new Map<string, T[]>();
  for (const organisation of organisations) byCountry.set(organisation.country_code, [...(byCountry.get(organisation.country_code) ?? []), organisation]);
  const result = new Map<number, T[]>();
  for (const organisation of organisations) {
    const matches = (byCountry.get(organisation.country_code) ?? []).filter((other) => isLikelyDuplicate(organisation, other));
    if (matches.length > 0) result.set(organisation.id, matches);
  }
  return result;
}
