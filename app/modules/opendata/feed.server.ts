import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { PUBLIC_STORED_STATUSES } from "~/modules/hubs/status";

export interface FeedEntry {
  kind: "recognised" | "progress";
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
  textLanguage: Language;
}

/** Newest recognised HUBs and newest accepted (published) progress updates, merged by date. */
export async function listFeedEntries(db: DB, { language, origin, limit = 100 }: { language: Language; origin: string; limit?: number }): Promise<FeedEntry[]> {
  const rows = await db
    .selectFrom("hubs as h")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .leftJoin("hub_translations as translated", (join) => join.onRef("translated.hub_id", "=", "h.id").on("translated.language", "=", language))
    .where("h.status", "in", PUBLIC_STORED_STATUSES)
    .where("h.recognised_at", "is not", null)
    .select([
      "h.slug",
      "h.recognised_at",
      "h.original_language",
      sql<string>`coalesce(translated.title, original.title)`.as("title"),
      sql<string>`coalesce(translated.summary, original.summary)`.as("summary"),
      sql<boolean>`translated.title is not null`.as("translated"),
    ])
    .orderBy("h.recognised_at", "desc")
    .orderBy("h.slug")
    .limit(limit)
    .execute();
  const progress = await db
    .selectFrom("progress_updates as u")
    .innerJoin("hubs as h", "h.id", "u.hub_id")
    .innerJoin("hub_translations as original", (join) =>
      join.onRef("original.hub_id", "=", "h.id").onRef("original.language", "=", "h.original_language"),
    )
    .leftJoin("hub_translations as translated", (join) => join.onRef("translated.hub_id", "=", "h.id").on("translated.language", "=", language))
    .where("h.status", "in", PUBLIC_STORED_STATUSES)
    .where("u.status", "=", "accepted")
    .where("u.accepted_at", "is not", null)
    .select([
      "u.id",
      "u.accepted_at",
      "u.period_start",
      "u.period_end",
      "h.slug",
      "h.original_language",
      sql<string>`coalesce(translated.title, original.title)`.as("title"),
      sql<boolean>`translated.title is not null`.as("translated"),
    ])
    .orderBy("u.accepted_at", "desc")
    .limit(limit)
    .execute();
  const progressEntries: FeedEntry[] = progress.map((row) => ({
    kind: "progress",
    // The update's id only makes the entry's id unique; it names no account.
    id: `${origin}/hubs/${row.slug}#progress-${row.period_start}-${row.period_end}`,
    title: row.title,
    url: `${origin}/${language}/hubs/${row.slug}#hub-progress`,
    updated: new Date(row.accepted_at!).toISOString(),
    summary: `${row.period_start} – ${row.period_end}`,
    textLanguage: row.translated ? language : row.original_language,
  }));
  const recognisedEntries: FeedEntry[] = rows.map((row) => ({
    kind: "recognised",
    id: `${origin}/hubs/${row.slug}#recognised`,
    title: row.title,
    url: `${origin}/${language}/hubs/${row.slug}`,
    updated: new Date(row.recognised_at!).toISOString(),
    summary: row.summary ?? "",
    textLanguage: row.translated ? language : row.original_language,
  }));
  return [...recognisedEntries, ...progressEntries].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, limit);
}

export function toAtom(feed: {
  id: string;
  title: string;
  subtitle: string;
  language: Language;
  selfUrl: string;
  siteUrl: string;
  entries: FeedEntry[];
}): string {
  const updated = feed.entries[0]?.updated ?? new Date(0).toISOString();
  const entries = feed.entries
    .map(
      (entry) => `  <entry xml:lang="${entry.textLanguage}">
    <id>${escapeXml(entry.id)}</id>
    <title>${escapeXml(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(entry.url)}"/>
    <updated>${entry.updated}</updated>
    <summary>${escapeXml(entry.summary)}</summary>
  </entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.language}">
  <id>${escapeXml(feed.id)}</id>
  <title>${escapeXml(feed.title)}</title>
  <subtitle>${escapeXml(feed.subtitle)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
  <updated>${updated}</updated>
  <author><name>United Cities and Local Governments (UCLG)</name></author>
${entries}
</feed>
`;
}

function escapeXml(text: string) {
  return text.replace(/[<>&"']/g, (char) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[char]!);
}
