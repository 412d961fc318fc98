import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { countryName } from "~/modules/i18n/format";
import { listSdgGoals, listSdgTargets } from "~/modules/sdg/sdg.server";
import { listThemeNames } from "./themes.server";
import type { SdgGoal } from "~/modules/sdg/sdg";
import { PUBLIC_STORED_STATUSES } from "./lifecycle";
import { cachedPublic } from "./public-cache.server";
import { listPolicyCouncils } from "~/modules/network/policy-councils.server";

/** The SDG goals in `language` for the public pages (reference data: cached like the rest; `version`: the data version, when the caller read it). */
export function publicSdgGoals(db: DB, language: Language, version?: number): Promise<SdgGoal[]> {
  return cachedPublic(db, `goals:${language}`, () => listSdgGoals(db, language), version);
}

export interface FilterOptions {
  themes: { slug: string; name: string }[];
  /** UCLG's Policy Councils, in the secretariat's order. */
  councils: { slug: string; name: string }[];
  /** Sorted by name in the page's language. */
  countries: { code: string; name: string }[];
  years: number[];
  targets: { id: string; goal: number; title: string }[];
}

/** What the filter controls offer: themes, the countries and start years that have public HUBs, and the SDG targets (`version`: as for `publicSdgGoals`). */
export async function getFilterOptions(db: DB, language: Language, version?: number): Promise<FilterOptions> {
  return cachedPublic(db, `options:${language}`, async () => {
    const [themes, councils, countries, years, targets] = await Promise.all([
      listThemeNames(db, language),
      listPolicyCouncils(db, language, version),
      db
        .selectFrom("hubs as h")
        .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
        .where("h.status", "in", PUBLIC_STORED_STATUSES)
        .select("o.country_code")
        .distinct()
        .execute(),
      db
        .selectFrom("hubs as h")
        .where("h.status", "in", PUBLIC_STORED_STATUSES)
        .select(sql<number>`extract(year from h.start_date)::int`.as("year"))
        .distinct()
        .execute(),
      listSdgTargets(db, language),
    ]);
    return {
      themes: themes.map((theme) => ({ slug: theme.slug, name: theme.name })),
      councils: councils.map((council) => ({ slug: council.slug, name: council.name })),
      countries: sortedCountries(countries.map((row) => row.country_code.trim()), language),
      years: years.map((row) => Number(row.year)).sort((a, b) => a - b),
      targets,
    };
  }, version);
}

function sortedCountries(codes: string[], language: Language) {
  const collator = new Intl.Collator(language);
  return codes
    .map((code) => ({ code, name: countryName(code, language) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}
