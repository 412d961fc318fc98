/** Shapes of the demo seed data (db/seed/demo-hubs.ts). Pure data, no database access. */

import type { Language, OrganisationKind, WorldRegion } from "../schema";

export type { Language, OrganisationKind, WorldRegion };

export interface DemoOrganisation {
  /** Stable key used by hubs to reference their lead/participants. */
  key: string;
  name: string;
  kind: OrganisationKind;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode: string;
  region: WorldRegion;
  /** City (or regional capital) name as written locally. */
  city: string;
  latitude: number;
  longitude: number;
}

/** Translatable texts of a HUB. Strings may contain plain text only. */
export interface DemoHubTexts {
  title: string;
  /** At most 300 characters. */
  summary: string;
  description: string;
  localGlobalLink: string;
  acceleration: string;
  synchronisation: string;
}

export interface DemoOutcome {
  statement: string;
  indicator: string;
  baseline: number | null;
  targetValue: number | null;
  unit: string | null;
  /** A qualitative milestone instead of numbers (baseline/targetValue/unit null). */
  milestone: string | null;
  /** ISO date inside the hub timeline. */
  dueDate: string;
}

export interface DemoHub {
  slug: string;
  leadOrganisation: string; // DemoOrganisation.key
  participants: string[]; // DemoOrganisation.key[]
  originalLanguage: Language;
  /** Texts in the original language (required). */
  texts: DemoHubTexts;
  /** Translations into the other languages; some deliberately missing or partial. */
  translations: Partial<Record<Language, Partial<DemoHubTexts>>>;
  theme: string; // theme slug, see DEMO_THEMES
  /** Location of the initiative (usually the lead city). */
  latitude: number;
  longitude: number;
  /** SDG goal numbers; the first one is the primary goal. */
  goals: number[];
  /** SDG target ids like "11.2", each belonging to one of `goals`. */
  targets: string[];
  /** ISO dates; the timeline runs at least 1 and at most 3 years. */
  startDate: string;
  endDate: string;
  outcomes: DemoOutcome[];
  partners: string[];
  contactEmail: string;
  website: string;
}

export interface DemoTheme {
  slug: string;
  name: Record<Language, string>;
}
