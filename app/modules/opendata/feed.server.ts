import type { DB } from "../../../db/index";
import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";
import { hubText, hubTextLanguage, joinHubTexts } from "~/modules/hubs/hub-texts.server";
import type { PublicHubStatus } from "~/modules/hubs/lifecycle";
import { isPublicHubSql, publicStatusSql } from "~/modules/hubs/lifecycle.server";

export interface FeedEntry {
  kind: "recognised" | "progress";
  id: string;
  title: string;
  url: string;
  updated: string;
  summary: string;
  textLanguage: Language;
  /** The HUB's public status on `today`, as the map and the HUB page show it. */
  status: PublicHubStatus;
}

/** Newest recognised HUBs and newest accepted (published) progress updates, merged by date. */
export async function listFeedEntries(
  db: DB,
  { language, origin, today, limit = 100 }: { language: Language; origin: string; today: string; limit?: number },
): Promise<FeedEntry[]> {
  const rows = await joinHubTexts(db.selectFrom("hubs as h"), language)
    .where(isPublicHubSql())
    .where("h.recognised_at", "is not", null)
    .select([
      "h.slug",
      "h.recognised_at",
      hubText("title").as("title"),
      hubText("summary").as("summary"),
      hubTextLanguage(language).as("text_language"),
      publicStatusSql(today).as("public_status"),
    ])
    .orderBy("h.recognised_at", "desc")
    .orderBy("h.slug")
    .limit(limit)
    .execute();
  const progress = await joinHubTexts(db.selectFrom("progress_updates as u").innerJoin("hubs as h", "h.id", "u.hub_id"), language)
    .where(isPublicHubSql())
    .where("u.status", "=", "accepted")
    .where("u.accepted_at", "is not", null)
    .select([
      "u.id",
      "u.accepted_at",
      "u.period_start",
      "u.period_end",
      "h.slug",
      hubText("title").as("title"),
      hubTextLanguage(language).as("text_language"),
      publicStatusSql(today).as("public_status"),
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
    // A reader's summary: the period in the feed's language ("1 ene 2027 – 31 mar 2027"), not ISO.
    summary: `${formatDate(row.period_start, language)} – ${formatDate(row.period_end, language)}`,
    textLanguage: row.text_language,
    status: row.public_status,
  }));
  const recognisedEntries: FeedEntry[] = rows.map((row) => ({
    kind: "recognised",
    id: `${origin}/hubs/${row.slug}#recognised`,
    title: row.title,
    url: `${origin}/${language}/hubs/${row.slug}`,
    updated: new Date(row.recognised_at!).toISOString(),
    summary: row.summary ?? "",
    textLanguage: row.text_language,
    status: row.public_status,
  }));
  return [...recognisedEntries, ...progressEntries].sort((a, b) => b.updated.localeCompare(a.updated)).slice(0, limit);
}

/** One Atom entry: a HUB's (FeedEntry) or another public record's, such as a call for proposals (its state as `status`). */
export type AtomEntry = Omit<FeedEntry, "kind" | "status"> & { status: string; statusLabel: string };

export function toAtom(feed: {
  id: string;
  title: string;
  subtitle: string;
  language: Language;
  selfUrl: string;
  siteUrl: string;
  entries: AtomEntry[];
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
    <category term="${entry.status}" label="${escapeXml(entry.statusLabel)}"/>
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
