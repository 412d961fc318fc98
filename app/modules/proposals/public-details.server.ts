import type { Expression } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../../db/index";
import { reusableStatement } from "../../../db/reusable-statement";
import type { Language } from "../../../db/schema";
import { TEXT_COLUMNS as COLUMN, TEXT_FIELDS, diffBaselines, type Baseline, type TextField } from "./proposal-schema";
import { PUBLIC_STORED_STATUSES } from "~/modules/hubs/lifecycle";
import { pickText } from "~/modules/i18n/text-fallback";

/**
 * What the public page shows from the proposal workflow, in one query: the lists come as JSON arrays,
 * in their subqueries' order. The HUB page nests it in its own statement (hub-page/hub-page.server.ts).
 */
export function publicDetailsQuery(db: DB, hubId: number | Expression<number>) {
  return db
    .selectFrom("hubs as h")
    .select((eb) => [
      "h.id",
      "h.status",
      "h.original_language",
      "h.communication_channels",
      "h.contact_email",
      "h.website",
      jsonArrayFrom(eb.selectFrom("hub_translations as tr").select(["tr.language", ...TEXT_FIELDS.map((field) => `tr.${COLUMN[field]}` as const)]).whereRef("tr.hub_id", "=", "h.id")).as(
        "translations",
      ),
      jsonArrayFrom(eb.selectFrom("hub_events as ev").select(["ev.name", "ev.event_date"]).whereRef("ev.hub_id", "=", "h.id").orderBy("ev.position")).as("events"),
      jsonArrayFrom(eb.selectFrom("hub_documents as doc").select(["doc.title", "doc.url"]).whereRef("doc.hub_id", "=", "h.id").orderBy("doc.position")).as("documents"),
      jsonArrayFrom(
        eb
          .selectFrom("hub_change_requests as cr")
          .select(["cr.id", "cr.baseline", "cr.proposed", "cr.decided_at"])
          .whereRef("cr.hub_id", "=", "h.id")
          .where("cr.status", "=", "approved")
          .orderBy("cr.decided_at")
          .orderBy("cr.id"),
      ).as("changes"),
    ])
    .where("h.id", "=", hubId)
    .where("h.status", "in", PUBLIC_STORED_STATUSES);
}

export type PublicDetailsRow = Awaited<ReturnType<ReturnType<typeof publicDetailsQuery>["execute"]>>[number];

// Compiled once (db/reusable-statement.ts).
const publicDetailsStatement = reusableStatement("public HUB details", (db: DB, { hubId }: { hubId: number }) => publicDetailsQuery(db, hubId));

/**
 * What the public HUB page shows from the proposal workflow (for the public page's loader):
 * each text in `language` or, when its translation is missing, in the original language (saying which);
 * the communication plan; and the approved changes to the agreed baseline ("what changed").
 * Null unless the HUB is public (recognised or completed).
 */
export async function publicHubDetails(db: DB, hubId: number, language: Language) {
  const [hub] = await publicDetailsStatement.execute(db, { hubId });
  return hub ? presentPublicDetails(hub, language) : null;
}

/** `publicHubDetails` from a row of `publicDetailsQuery`. */
export function presentPublicDetails(hub: PublicDetailsRow, language: Language) {
  const { translations, events, documents, changes } = hub;
  const texts = Object.fromEntries(
    TEXT_FIELDS.map((field) => {
      const picked = pickText(translations, COLUMN[field], language, hub.original_language);
      const shownIn = picked?.language ?? hub.original_language;
      return [field, { text: picked?.text ?? null, language: shownIn, isOriginal: shownIn === hub.original_language }];
    }),
  ) as Record<TextField, { text: string | null; language: Language; isOriginal: boolean }>;
  return {
    originalLanguage: hub.original_language,
    texts,
    /** True for a field shown in the original language because its translation into `language` is missing. */
    missingTranslations: TEXT_FIELDS.filter((field) => texts[field].language !== language),
    communication: {
      channels: hub.communication_channels,
      events: events.map((row) => ({ name: row.name, date: row.event_date })),
      documents: documents.map((row) => ({ title: row.title, url: row.url })),
    },
    contactEmail: hub.contact_email,
    website: hub.website,
    // The agreed baseline's approved changes; a request that changed only texts or links adds no line.
    changes: changes
      .map((row) => ({
        id: row.id,
        decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
        changes: diffBaselines(JSON.parse(row.baseline) as Baseline, JSON.parse(row.proposed) as Baseline),
      }))
      .filter((row) => row.changes.length > 0),
  };
}
