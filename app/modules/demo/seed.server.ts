/**
 * Loads the demo registry (db/seed holds the data; the rules it needs, password hashing and the
 * reporting calendar, live here in the app). Every date is placed relative to `today`, see
 * demo-dates.ts.
 */
import type { Kysely } from "kysely";
import type { Database, Language } from "../../../db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../../db/seed/demo-accounts";
import type { DemoHubTexts } from "../../../db/seed/demo-data-types";
import { DEMO_HUBS, DEMO_ORGANISATIONS, DEMO_SYNCHRONISATIONS, DEMO_THEMES } from "../../../db/seed/demo-hubs";
import { hashPassword } from "~/modules/accounts/password.server";
import { isoToday } from "~/modules/hubs/lifecycle";
import { demoHubsOn, demoRecognisedOn } from "./demo-dates";
import { seedDemoProgress } from "./progress-seed.server";
import { seedDemoCalls } from "./calls-seed.server";

export { DEMO_ACCOUNTS, DEMO_PASSWORD };

const LANGUAGES: Language[] = ["en", "es", "fr"];

function translationRow(hubId: number, language: Language, texts: Partial<DemoHubTexts>, updatedAt: Date) {
  return {
    hub_id: hubId,
    language,
    title: texts.title ?? null,
    summary: texts.summary ?? null,
    description: texts.description ?? null,
    local_global_link: texts.localGlobalLink ?? null,
    acceleration: texts.acceleration ?? null,
    synchronisation: texts.synchronisation ?? null,
    updated_at: updatedAt,
  };
}

export async function hasAnyHub(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("hubs").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

export interface SeedDemoOptions {
  /** 'YYYY-MM-DD', the real UTC date by default; tests fix it. Every demo date is placed relative to it. */
  today?: string;
}

/**
 * Loads the demo registry: themes, organisations, 40 recognised HUBs (one completed, with its
 * monitoring history) and the three demo accounts. One transaction.
 */
export async function seedDemoData(db: Kysely<Database>, { today = isoToday() }: SeedDemoOptions = {}): Promise<{ hubs: number; organisations: number }> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`seedDemoData: today must be YYYY-MM-DD, got ${today}`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // Rows that record "when the demo was loaded": the start of `today`, never later than now on the real date.
  const loadedAt = new Date(`${today}T00:00:00Z`);
  const hubs = demoHubsOn(DEMO_HUBS, today);
  return db.transaction().execute(async (trx) => {
    const themeIds = new Map<string, number>();
    for (const [position, theme] of DEMO_THEMES.entries()) {
      const row = await trx
        .insertInto("themes")
        .values({ slug: theme.slug, name_en: theme.name.en, name_es: theme.name.es, name_fr: theme.name.fr, position })
        .onConflict((oc) => oc.column("slug").doUpdateSet({ name_en: theme.name.en, name_es: theme.name.es, name_fr: theme.name.fr }))
        .returning("id")
        .executeTakeFirstOrThrow();
      themeIds.set(theme.slug, row.id);
    }

    const organisationIds = new Map<string, number>();
    for (const organisation of DEMO_ORGANISATIONS) {
      const row = await trx
        .insertInto("organisations")
        .values({
          name: organisation.name,
          kind: organisation.kind,
          country_code: organisation.countryCode,
          region: organisation.region,
          city: organisation.city,
          latitude: organisation.latitude,
          longitude: organisation.longitude,
          verified_at: loadedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      organisationIds.set(organisation.key, row.id);
    }

    for (const account of DEMO_ACCOUNTS) {
      await trx
        .insertInto("users")
        .values({
          email: account.email,
          password_hash: passwordHash,
          display_name: account.displayName,
          role: account.role,
          organisation_id: account.organisationKey ? organisationIds.get(account.organisationKey)! : null,
          preferred_language: account.language,
        })
        .execute();
    }

    for (const hub of hubs) {
      const recognisedAt = new Date(`${demoRecognisedOn(hub, today)}T00:00:00Z`);
      const { id: hubId } = await trx
        .insertInto("hubs")
        .values({
          slug: hub.slug,
          status: "recognised",
          lead_organisation_id: organisationIds.get(hub.leadOrganisation)!,
          original_language: hub.originalLanguage,
          theme_id: themeIds.get(hub.theme) ?? null,
          latitude: hub.latitude,
          longitude: hub.longitude,
          start_date: hub.startDate,
          end_date: hub.endDate,
          contact_email: hub.contactEmail,
          website: hub.website,
          updated_at: recognisedAt,
          submitted_at: recognisedAt,
          recognised_at: recognisedAt,
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      const translations = LANGUAGES.flatMap((language) => {
        if (language === hub.originalLanguage) return [translationRow(hubId, language, hub.texts, loadedAt)];
        const texts = hub.translations[language];
        return texts ? [translationRow(hubId, language, texts, loadedAt)] : [];
      });
      await trx.insertInto("hub_translations").values(translations).execute();
      await trx
        .insertInto("hub_goals")
        .values(hub.goals.map((goal, index) => ({ hub_id: hubId, goal, is_primary: index === 0 })))
        .execute();
      if (hub.targets.length > 0) {
        await trx.insertInto("hub_targets").values(hub.targets.map((target_id) => ({ hub_id: hubId, target_id }))).execute();
      }
      if (hub.participants.length > 0) {
        await trx
          .insertInto("hub_participants")
          .values(hub.participants.map((key) => ({ hub_id: hubId, organisation_id: organisationIds.get(key)! })))
          .execute();
      }
      await trx
        .insertInto("hub_outcomes")
        .values(
          hub.outcomes.map((outcome, position) => ({
            hub_id: hubId,
            position,
            statement: outcome.statement,
            indicator: outcome.indicator,
            baseline: outcome.baseline,
            target_value: outcome.targetValue,
            unit: outcome.unit,
            milestone: outcome.milestone,
            due_date: outcome.dueDate,
          })),
        )
        .execute();
      if (hub.partners.length > 0) {
        await trx
          .insertInto("hub_partners")
          .values(hub.partners.map((name, position) => ({ hub_id: hubId, position, name })))
          .execute();
      }
    }
    const hubIds = new Map((await trx.selectFrom("hubs").select(["id", "slug"]).execute()).map((row) => [row.slug, row.id]));
    const links = DEMO_SYNCHRONISATIONS.filter(([a, b]) => hubIds.has(a) && hubIds.has(b)).map(([a, b]) => ({
      hub_id: hubIds.get(a)!,
      other_hub_id: hubIds.get(b)!,
    }));
    if (links.length > 0) await trx.insertInto("hub_synchronisations").values(links).execute();
    await seedDemoProgress(trx, { today });
    await seedDemoCalls(trx, { today, loadedAt });
    return { hubs: hubs.length, organisations: DEMO_ORGANISATIONS.length };
  });
}

/** Seeds the demo registry when the database has no HUB yet (demo mode's first start). */
export async function seedDemoWhenEmpty(
  db: Kysely<Database>,
  { today, log = () => {} }: SeedDemoOptions & { log?: (message: string) => void } = {},
): Promise<boolean> {
  if (await hasAnyHub(db)) return false;
  log("[db] empty database: loading the demo data (HUBs, organisations, demo accounts)…");
  const seeded = await seedDemoData(db, { today });
  log(`[db] demo data loaded: ${seeded.hubs} HUBs, ${seeded.organisations} organisations, ${DEMO_ACCOUNTS.length} demo accounts (password in README)`);
  return true;
}
