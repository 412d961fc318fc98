import { describe, expect, it } from "vitest";
import { SUPPORTED_LANGUAGES, type Language } from "~/modules/i18n/config";
import { MapPoints, type MapPointRow } from "~/modules/map/map-points.server";

function row(id: number, titles: Partial<Record<Language, string | null>>, original: Language, extra: Partial<MapPointRow> = {}): MapPointRow {
  return {
    id,
    slug: `hub-${id}`,
    latitude: 10 + id / 7,
    longitude: -20 - id / 3,
    city: id % 2 ? "São Paulo" : "Montréal",
    goal: (id % 17) + 1,
    goals: `${(id % 17) + 1},4,11`,
    public_status: id % 3 ? "active" : "recognised",
    titles: Object.entries(titles)
      .map(([language, title]) => `${language}:${title ?? ""}`)
      .join("\u001f"),
    original_language: original,
    ...extra,
  };
}

const ROWS: MapPointRow[] = [
  row(1, { en: "Solar roofs", es: "Techos solares", fr: "Toits solaires" }, "en"),
  // Only the original language: every language falls back to it.
  row(2, { fr: "Jardins partagés 🌱 à Saint-Étienne" }, "fr"),
  // An empty title in the reader's language falls back to the original's.
  row(3, { en: "", es: "Huertos urbanos" }, "es"),
  // No title at all: the slug.
  row(4, {}, "en", { titles: null, goals: null, goal: 0 }),
  ...Array.from({ length: 12_000 }, (_, i) => row(10 + i, { en: `Project ${i}`, es: i % 2 ? `Proyecto ${i}` : null }, "en")),
];

describe("the map's points, kept column by column", () => {
  it("answer every field of every point as the rows say, with each language's title falling back as pickText does", async () => {
    const points = await MapPoints.fromRows(ROWS);
    expect(points.length).toBe(ROWS.length);
    expect(points.fields(0, "es")).toEqual({
      slug: "hub-1",
      title: "Techos solares",
      latitude: ROWS[0].latitude,
      longitude: ROWS[0].longitude,
      goal: 2,
      goals: [2, 4, 11],
      status: "active",
      city: "São Paulo",
    });
    for (const language of SUPPORTED_LANGUAGES) expect(points.fields(1, language).title).toBe("Jardins partagés 🌱 à Saint-Étienne");
    expect(points.fields(2, "en").title).toBe("Huertos urbanos");
    expect(points.fields(2, "fr").title).toBe("Huertos urbanos");
    expect(points.fields(3, "fr")).toMatchObject({ slug: "hub-4", title: "hub-4", goal: 0, goals: [] });
    const last = ROWS.length - 1;
    expect(points.id(last)).toBe(ROWS[last].id);
    expect(points.fields(last, "es").title).toBe(`Proyecto ${ROWS.length - 5}`);
    expect(points.fields(last - 1, "es").title).toBe(`Project ${ROWS.length - 6}`);
    expect([points.longitude(last), points.latitude(last)]).toEqual([ROWS[last].longitude, ROWS[last].latitude]);
    expect(points.coordinates.subarray(2 * last)).toEqual(new Float64Array([ROWS[last].longitude, ROWS[last].latitude]));
  });

  it("keep a subset's points whole and in order (a search's points are picked from its other filters')", async () => {
    const points = await MapPoints.fromRows(ROWS);
    const kept = new Set([2, 4, 3_000, ROWS[ROWS.length - 1].id]);
    const subset = points.filter((id) => kept.has(id));
    expect(subset.length).toBe(kept.size);
    const positions = ROWS.flatMap((candidate, position) => (kept.has(candidate.id) ? [position] : []));
    positions.forEach((from, to) => {
      expect(subset.id(to)).toBe(points.id(from));
      for (const language of SUPPORTED_LANGUAGES) expect(subset.fields(to, language)).toEqual(points.fields(from, language));
    });
    expect(points.filter(() => false).length).toBe(0);
  });
});
