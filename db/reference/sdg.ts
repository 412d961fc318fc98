import type { Kysely } from "kysely";
import goalsFile from "./sdg/sdg-goals.json";
import targetsFile from "./sdg/sdg-targets.json";
import type { Database, Language } from "../schema";

type Localised = Record<Language, string>;
interface Errata {
  [language: string]: Record<string, { un_official: string } | string>;
}

/** The source's short titles with the UN's official wording put back (see sdg/SOURCE.md and meta.errata). */
export function officialShortTitle(goal: number, language: Language, sourceTitle: string): string {
  const errata = (goalsFile.meta as { errata?: Errata }).errata?.[language];
  const fix = errata?.[String(goal)];
  if (fix && typeof fix === "object") return fix.un_official;
  // The Spanish source capitalises inconsistently; the UN's Spanish pages use sentence case.
  if (language === "es") return sourceTitle.charAt(0) + sourceTitle.slice(1).toLowerCase();
  return sourceTitle;
}

export const SDG_GOALS = goalsFile.goals.map((goal) => {
  const short = goal.short as Localised;
  return {
    number: goal.number,
    code: goal.code,
    color: goal.color,
    textColor: goal.textColor,
    short: {
      en: officialShortTitle(goal.number, "en", short.en),
      es: officialShortTitle(goal.number, "es", short.es),
      fr: officialShortTitle(goal.number, "fr", short.fr),
    } satisfies Localised,
    title: goal.title as Localised,
  };
});

export const SDG_TARGETS = targetsFile.targets.map((target, index) => ({
  id: target.id,
  goal: target.goal,
  position: index,
  title: target.title as Localised,
}));

/** Upserts the 17 goals and 169 targets; safe to run at every start. */
export async function syncSdgReferenceData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("sdg_goals")
      .values(
        SDG_GOALS.map((goal) => ({
          number: goal.number,
          code: goal.code,
          color: goal.color,
          text_color: goal.textColor,
          short_en: goal.short.en,
          short_es: goal.short.es,
          short_fr: goal.short.fr,
          title_en: goal.title.en,
          title_es: goal.title.es,
          title_fr: goal.title.fr,
        })),
      )
      .onConflict((oc) =>
        oc.column("number").doUpdateSet((eb) => ({
          code: eb.ref("excluded.code"),
          color: eb.ref("excluded.color"),
          text_color: eb.ref("excluded.text_color"),
          short_en: eb.ref("excluded.short_en"),
          short_es: eb.ref("excluded.short_es"),
          short_fr: eb.ref("excluded.short_fr"),
          title_en: eb.ref("excluded.title_en"),
          title_es: eb.ref("excluded.title_es"),
          title_fr: eb.ref("excluded.title_fr"),
        })),
      )
      .execute();
    await trx
      .insertInto("sdg_targets")
      .values(
        SDG_TARGETS.map((target) => ({
          id: target.id,
          goal: target.goal,
          position: target.position,
          title_en: target.title.en,
          title_es: target.title.es,
          title_fr: target.title.fr,
        })),
      )
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => ({
          goal: eb.ref("excluded.goal"),
          position: eb.ref("excluded.position"),
          title_en: eb.ref("excluded.title_en"),
          title_es: eb.ref("excluded.title_es"),
          title_fr: eb.ref("excluded.title_fr"),
        })),
      )
      .execute();
  });
}
