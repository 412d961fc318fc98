import type { WorldRegion } from "../../../db/schema";
import type { Language } from "~/modules/i18n/config";

/** ISO 3166-1 alpha-2: the 249 officially assigned codes. */
export const COUNTRY_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
  "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
  "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
  "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
  "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
  "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

/** Every country as a select option, named in the page's language and sorted the way its readers sort. */
export function countryOptions(language: Language): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: "region" });
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * The UCLG world region of each country (UCLG's regional sections), the one place that decides it:
 * the sign-up form pre-fills the region from the country and the schema refuses another. The
 * uninhabited territories (AQ, BV, GS, HM, TF) have none: any region is accepted for them.
 */
const COUNTRIES_BY_REGION: Record<WorldRegion, string> = {
  africa: "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TG TN TZ UG YT ZA ZM ZW",
  asia_pacific: "AF AS AU BD BN BT CC CK CN CX FJ FM GU HK ID IN IO JP KH KI KP KR LA LK MH MM MN MO MP MV MY NC NF NP NR NU NZ PF PG PH PK PN PW SB SG TH TK TL TO TV TW VN VU WF WS",
  eurasia: "AM AZ BY GE KG KZ MD RU TJ TM UZ",
  europe: "AD AL AT AX BA BE BG CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC ME MK MT NL NO PL PT RO RS SE SI SJ SK SM UA VA",
  latin_america: "AG AI AR AW BB BL BO BQ BR BS BZ CL CO CR CU CW DM DO EC FK GD GF GP GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PR PY SR SV SX TC TT UY VC VE VG VI",
  middle_east_west_asia: "AE BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
  north_america: "BM CA GL PM UM US",
};

const REGION_OF_COUNTRY = new Map<string, WorldRegion>(
  Object.entries(COUNTRIES_BY_REGION).flatMap(([region, codes]) => codes.split(" ").map((code) => [code, region as WorldRegion] as const)),
);

/** The country's UCLG world region, or undefined for a territory without one (or an unknown code). */
export function regionOfCountry(countryCode: string): WorldRegion | undefined {
  return REGION_OF_COUNTRY.get(countryCode);
}
