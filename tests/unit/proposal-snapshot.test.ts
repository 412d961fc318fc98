import { describe, expect, it } from "vitest";
import { DraftProposalSchema } from "~/modules/proposals/proposal-schema";
import { formValuesOf, snapshotChanges, snapshotOf, withRequestedChanges } from "~/modules/proposals/proposal-snapshot";

const input = DraftProposalSchema.parse({
  originalLanguage: "es",
  title: "Movilidad limpia",
  latitude: 4.61,
  longitude: -74.08,
  startDate: "2027-01-01",
  endDate: "2028-12-31",
  goals: [13, 11],
  primaryGoal: 11,
  participants: [7, 3, 1],
  website: "https://example.org",
  translations: { fr: { title: "Mobilité propre" } },
  outcomes: [{ statement: "Diez barrios", indicator: "Barrios", targetValue: 10, unit: "barrios", dueDate: "2028-06-30" }],
});
const published = snapshotOf(input, { organisationId: 1 });

describe("a proposal's published snapshot", () => {
  it("drops the lead organisation, and sorts what has no order", () => {
    expect(published.goals).toEqual([11, 13]);
    expect(published.participants).toEqual([3, 7]);
    expect(published.texts.fr.title).toBe("Mobilité propre");
    expect(published.texts.en.title).toBeNull();
  });

  it("names each changed field, and each text with its language", () => {
    const proposed = { ...published, website: "https://new.example.org", texts: { ...published.texts, fr: { ...published.texts.fr, title: "Nouveau titre" } } };
    expect(snapshotChanges(published, proposed)).toEqual([{ field: "title", language: "fr" }, { field: "website" }]);
  });

  it("reads an older request (outcomes and timeline only) as changing nothing else", () => {
    const older = { startDate: "2027-01-01", endDate: "2029-06-30", outcomes: published.outcomes };
    const olderBaseline = { startDate: "2027-01-01", endDate: "2028-12-31", outcomes: published.outcomes };
    expect(snapshotChanges(olderBaseline, older)).toEqual([{ field: "endDate" }]);
    const merged = withRequestedChanges({ ...published, website: "https://since.example.org" }, olderBaseline, older);
    expect(merged).toMatchObject({ endDate: "2029-06-30", website: "https://since.example.org" });
  });

  it("lays a request over what was published since, keeping fields the request does not change", () => {
    const proposed = { ...published, texts: { ...published.texts, es: { ...published.texts.es, title: "Título nuevo" } } };
    // The secretariat translated into English after the city asked.
    const now = { ...published, texts: { ...published.texts, en: { ...published.texts.en, title: "Clean mobility" } } };
    const merged = withRequestedChanges(now, published, proposed);
    expect(merged.texts.es.title).toBe("Título nuevo");
    expect(merged.texts.en.title).toBe("Clean mobility");
    expect(now.texts.es.title).toBe("Movilidad limpia");
  });

  it("round-trips through the form's values", () => {
    const values = formValuesOf(published, 3);
    expect(values).toMatchObject({ version: 3, title: "Movilidad limpia", translations: { fr: { title: "Mobilité propre" } } });
    expect(snapshotChanges(published, snapshotOf(DraftProposalSchema.parse(values), { organisationId: 1 }))).toEqual([]);
  });
});
