import type { DB } from "../../../db/index";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import type { Language } from "~/modules/i18n/config";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { absoluteUrl } from "~/modules/http/public-url.server";
import type { Env } from "~/modules/config/env.server";
import { badgeSnippet, badgeSvg, type BadgeWords } from "./label-badge";

/**
 * The label kit of a recognised HUB (docs/decisions/150-hub-network.md): the badge, the snippet to
 * copy and the certificate. "Recognised" is the lifecycle's word: a HUB the public sees (recognised
 * or completed, `isPublicHubSql`) with a recognition date.
 */
export interface LabelledHub {
  slug: string;
  title: string;
  recognisedAt: string;
  recognitionYear: number;
}

export async function findLabelledHub(db: DB, slug: string, language: Language): Promise<LabelledHub | null> {
  const row = await db
    .selectFrom("hubs as h")
    .select(labelColumns(language))
    .where("h.slug", "=", slug)
    .executeTakeFirst();
  return row ? labelledHub(row) : null;
}

/** The columns of `hubs as h` that `labelledHub` judges by: also read by a query that reads more (the HUB page's network). */
export function labelColumns(language: Language) {
  return ["h.slug", "h.recognised_at", hubTitleSql(language).as("title"), isPublicHubSql().as("is_public")] as const;
}

/** A HUB row as a labelled HUB, or null when it carries no label: not public, or never recognised. */
export function labelledHub(row: { slug: string; recognised_at: Date | string | null; title: string | null; is_public: boolean }): LabelledHub | null {
  if (!row.is_public || !row.recognised_at) return null;
  const recognisedAt = new Date(row.recognised_at).toISOString();
  return { slug: row.slug, title: row.title ?? row.slug, recognisedAt, recognitionYear: Number(recognisedAt.slice(0, 4)) };
}

/**
 * Where the HUB's name goes in the badge's title. i18next's answers are remembered by their values
 * (i18n/i18next.server.ts), so the sentence is made once per label and year and the name put in
 * after, as written: asked with the name itself, every first view of a HUB page went through
 * i18next's whole pipeline for it (1.5 % of the page's main thread).
 */
const NAME_STAND_IN = "\u0000";

async function badgeWords(env: Pick<Env, "PUBLIC_URL" | "PORT">, hub: LabelledHub, language: Language): Promise<BadgeWords> {
  const t = await getTranslator(language);
  const label = t("hub:label");
  const recognised = t("network:label.recognisedIn", { year: hub.recognitionYear });
  return {
    label,
    hubName: hub.title,
    recognised,
    title: t("network:label.badgeTitle", { label, hub: NAME_STAND_IN, year: hub.recognitionYear }).split(NAME_STAND_IN).join(hub.title),
    href: absoluteUrl(env, `/${language}/hubs/${hub.slug}`),
    language,
  };
}

export async function labelBadgeSvg(env: Pick<Env, "PUBLIC_URL" | "PORT">, hub: LabelledHub, language: Language): Promise<string> {
  return badgeSvg(await badgeWords(env, hub, language));
}

/** What the HUB page offers of the label kit: the snippet to copy and where the badge and certificate are. */
export interface LabelKit {
  /** Absolute (PUBLIC_URL), for the snippet. */
  badgeUrl: string;
  /** On this site, for the page's own preview. */
  badgePath: string;
  certificatePath: string;
  snippet: string;
}

export async function labelKitFor(env: Pick<Env, "PUBLIC_URL" | "PORT">, hub: LabelledHub, language: Language): Promise<LabelKit> {
  const words = await badgeWords(env, hub, language);
  const badgePath = `/api/hubs/${hub.slug}/badge.svg?lang=${language}`;
  const badgeUrl = absoluteUrl(env, badgePath);
  return { badgeUrl, badgePath, certificatePath: `/${language}/hubs/${hub.slug}/certificate`, snippet: badgeSnippet({ href: words.href, src: badgeUrl, alt: words.title }) };
}

/** What the printable certificate of recognition shows. */
export interface Certificate extends LabelledHub {
  organisation: string;
  city: string;
  countryCode: string;
  startDate: string;
  endDate: string;
}

export async function findCertificate(db: DB, slug: string, language: Language): Promise<Certificate | null> {
  const hub = await findLabelledHub(db, slug, language);
  if (!hub) return null;
  const row = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .select(["o.name", "o.city", "o.country_code", "h.start_date", "h.end_date"])
    .where("h.slug", "=", slug)
    .executeTakeFirstOrThrow();
  return { ...hub, organisation: row.name, city: row.city, countryCode: row.country_code.trim(), startDate: row.start_date, endDate: row.end_date };
}
