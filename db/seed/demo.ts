import type { Kysely } from "kysely";
import { hashPassword } from "../../app/modules/accounts/password.server";
import type { Database, Language } from "../schema";
import { DEMO_HUBS, DEMO_ORGANISATIONS, DEMO_THEMES } from "./demo-hubs";
import { seedDemoProgress } from "./demo-progress";
import type { DemoHubTexts } from "./demo-data-types";

export const DEMO_PASSWORD = "demo-hub-2030";
export const DEMO_ACCOUNTS = [
  { email: "city@demo.l4a.test", displayName: "Demo city representative", role: "city", organisationKey: "bogota", language: "es" },
  { email: "council@demo.l4a.test", displayName: "Demo advisory council member", role: "council", organisationKey: null, language: "fr" },
  { email: "secretariat@demo.l4a.test", displayName: "Demo secretariat", role: "secretariat", organisationKey: null, language: "en" },
] as const;

const LANGUAGES: Language[] = ["en", "es", "fr"];

function translationRow(hubId: number, language: Language, texts: Partial<DemoHubTexts>) {
  return {
    hub_id: hubId,
    language,
    title: texts.title ?? null,
    summary: texts.summary ?? null,
    description: texts.description ?? null,
    local_global_link: texts.localGlobalLink ?? null,
    acceleration: texts.acceleration ?? null,
    synchronisation: texts.synchronisation ?? null,
    updated_at: new Date(),
  };
}

/**
 * A few synchronisation links between demo HUBs (stored one way; the public HUB page shows them
 * from both sides).
 */
export const DEMO_SYNCHRONISATIONS: [string, string][] = [
  ["bogota-cycle-network", "medellin-green-corridors"],
  ["bogota-cycle-network", "kigali-car-free-zones-safe-routes"],
  ["barcelona-climate-shelters", "madrid-energy-retrofit"],
  ["rosario-green-belt", "brazzaville-green-belt-erosion"],
  ["montevideo-inclusive-recycling", "abidjan-waste-recovery"],
  ["lyon-food-social-security", "gaziantep-local-seeds-gastronomy"],
];

export async function hasAnyHub(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("hubs").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Loads the demo registry: themes, organisations, 40 recognised HUBs and the three demo accounts. One transaction. */
export async function seedDemoData(db: Kysely<Database>): Promise<{ hubs: number; organisations: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
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
          verified_at: new Date(),
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

    for (const hub of DEMO_HUBS) {
      const recognisedAt = new Date(`${hub.startDate}T00:00:00Z`);
      recognisedAt.setUTCDate(recognisedAt.getUTCDate() - 30);
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
        if (language === hub.originalLanguage) return [translationRow(hubId, language, hub.texts)];
        const texts = hub.translations[language];
        return texts ? [translationRow(hubId, language, texts)] : [];
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
    await seedDemoProgress(trx);
    return { hubs: DEMO_HUBS.length, organisations: DEMO_ORGANISATIONS.length };
  });
}
