import { sql } from "kysely";
import type { DB } from "../../../db/index";
import { recordAudit } from "~/modules/audit/audit.server";
import type { Language } from "~/modules/i18n/config";

/** The themes a HUB can have, in the secretariat's order, with their names in the three languages. */
export function listThemes(db: DB) {
  return db.selectFrom("themes").select(["id", "slug", "name_en", "name_es", "name_fr", "position"]).orderBy("position").orderBy("id").execute();
}

/**
 * The themes with their names in `language`, in the secretariat's order: the one place that picks
 * a theme's name column, so a select in Spanish or French never reads the English one.
 */
export async function listThemeNames(db: DB, language: Language): Promise<{ id: number; slug: string; name: string }[]> {
  return db
    .selectFrom("themes")
    .select(["id", "slug", themeNameColumn(language, "themes").as("name")])
    .orderBy("position")
    .orderBy("id")
    .execute();
}

/** The theme's name in `language` as a column of `table` (an alias such as "th" in a join). */
export function themeNameColumn(language: Language, table = "th") {
  return sql.ref<string>(`${table}.name_${language}`);
}

export interface ThemeInput {
  id?: number;
  slug: string;
  nameEn: string;
  nameEs: string;
  nameFr: string;
  position: number;
}

/** Creates (no id) or updates a theme, audited; "slugTaken" when another theme has the slug, "notFound" for an unknown id. */
export async function saveTheme(db: DB, actorUserId: number, { id, slug, nameEn, nameEs, nameFr, position }: ThemeInput): Promise<"saved" | "slugTaken" | "notFound"> {
  const taken = await db
    .selectFrom("themes")
    .select("id")
    .where("slug", "=", slug)
    .$if(id !== undefined, (qb) => qb.where("id", "!=", id!))
    .executeTakeFirst();
  if (taken) return "slugTaken";
  return db.transaction().execute(async (trx) => {
    const values = { slug, name_en: nameEn, name_es: nameEs, name_fr: nameFr, position };
    let themeId = id;
    if (id === undefined) {
      themeId = (await trx.insertInto("themes").values(values).returning("id").executeTakeFirstOrThrow()).id;
    } else {
      const updated = await trx.updateTable("themes").set(values).where("id", "=", id).executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return "notFound";
    }
    await recordAudit(trx, { entity: "theme", entityId: themeId!, actorUserId, action: id === undefined ? "create" : "update" });
    return "saved";
  });
}
