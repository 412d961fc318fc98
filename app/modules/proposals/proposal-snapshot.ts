import type { Language } from "~/modules/i18n/config";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { TEXT_FIELDS, type Baseline, type ProposalInput, type TextField } from "./proposal-schema";

/**
 * Everything a HUB's proposal publishes once the HUB is public, as one plain value: the texts in
 * every language, the links, the location, the SDG goals and targets, the theme, the lists and the
 * agreed baseline (outcomes and timeline). A change request stores two of them (`baseline`: what was
 * published when the city asked; `proposed`: what the city wants), so the secretariat reviews exactly
 * what the public would see, field by field. Requests written before this held only the Baseline
 * part; a key missing from a stored snapshot is read as "not changed".
 */
export interface ProposalSnapshot extends Baseline {
  originalLanguage: Language;
  texts: Record<Language, Record<TextField, string | null>>;
  themeId: number | null;
  latitude: number;
  longitude: number;
  participants: number[];
  goals: number[];
  primaryGoal: number | null;
  targets: string[];
  partners: string[];
  synchronisedHubs: number[];
  channels: string | null;
  events: { name: string; date: string }[];
  documents: { title: string; url: string }[];
  contactEmail: string | null;
  website: string | null;
}

/** The snapshot's fields other than the texts, each compared and applied as a whole. */
export const SNAPSHOT_FIELDS = [
  "originalLanguage",
  "themeId",
  "latitude",
  "longitude",
  "goals",
  "primaryGoal",
  "targets",
  "participants",
  "synchronisedHubs",
  "startDate",
  "endDate",
  "outcomes",
  "partners",
  "channels",
  "events",
  "documents",
  "contactEmail",
  "website",
] as const satisfies readonly Exclude<keyof ProposalSnapshot, "texts">[];
export type SnapshotField = (typeof SNAPSHOT_FIELDS)[number];

/** One changed unit: a field, or one text in one language. */
export type SnapshotChange = { field: SnapshotField } | { field: TextField; language: Language };

const sortedNumbers = (values: readonly number[]) => [...new Set(values)].sort((a, b) => a - b);
const sortedStrings = (values: readonly string[]) => [...new Set(values)].sort();

/** The snapshot the proposal form describes: the same clean-up the store applies (empty rows dropped, duplicates and self-references removed). */
export function snapshotOf(input: ProposalInput, { organisationId, hubId }: { organisationId: number; hubId?: number }): ProposalSnapshot {
  const goals = sortedNumbers(input.goals ?? []);
  const texts = Object.fromEntries(
    SUPPORTED_LANGUAGES.map((language) => {
      const source: Partial<Record<TextField, string | undefined>> = language === input.originalLanguage ? input : (input.translations?.[language] ?? {});
      return [language, Object.fromEntries(TEXT_FIELDS.map((field) => [field, source[field] || null]))];
    }),
  ) as ProposalSnapshot["texts"];
  return {
    originalLanguage: input.originalLanguage,
    texts,
    themeId: input.themeId ?? null,
    latitude: input.latitude,
    longitude: input.longitude,
    participants: sortedNumbers(input.participants ?? []).filter((id) => id !== organisationId),
    goals,
    primaryGoal: input.primaryGoal !== undefined && goals.includes(input.primaryGoal) ? input.primaryGoal : null,
    targets: sortedStrings(input.targets ?? []),
    partners: (input.partners ?? []).flatMap((partner) => (partner.name ? [partner.name] : [])),
    synchronisedHubs: sortedNumbers(input.synchronisedHubs ?? []).filter((id) => id !== hubId),
    startDate: input.startDate,
    endDate: input.endDate,
    outcomes: (input.outcomes ?? [])
      .filter((o) => o.statement || o.indicator || o.dueDate)
      .map((o) => ({
        statement: o.statement ?? "",
        indicator: o.indicator ?? "",
        baseline: o.baseline ?? null,
        targetValue: o.targetValue ?? null,
        unit: o.unit ?? null,
        milestone: o.milestone ?? null,
        dueDate: o.dueDate ?? "",
      })),
    channels: input.channels || null,
    events: (input.events ?? []).flatMap((event) => (event.name && event.date ? [{ name: event.name, date: event.date }] : [])),
    documents: (input.documents ?? []).flatMap((document) => (document.title && document.url ? [{ title: document.title, url: document.url }] : [])),
    contactEmail: input.contactEmail || null,
    website: input.website || null,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What differs between two snapshots, in the form's order. A key absent from either (an older request) counts as unchanged. */
export function snapshotChanges(before: Partial<ProposalSnapshot>, after: Partial<ProposalSnapshot>): SnapshotChange[] {
  const changes: SnapshotChange[] = [];
  if (before.texts && after.texts) {
    for (const language of SUPPORTED_LANGUAGES) {
      for (const field of TEXT_FIELDS) {
        const old = before.texts[language]?.[field] ?? null;
        const next = after.texts[language]?.[field] ?? null;
        if (old !== next) changes.push({ field, language });
      }
    }
  }
  for (const field of SNAPSHOT_FIELDS) {
    if (field in before && field in after && !same(before[field], after[field])) changes.push({ field });
  }
  return changes;
}

/** `published` with the changes a request asks for (from its `baseline` to its `proposed`) laid over it; fields it does not change keep their published value. */
export function withRequestedChanges(published: ProposalSnapshot, baseline: Partial<ProposalSnapshot>, proposed: Partial<ProposalSnapshot>): ProposalSnapshot {
  const merged: ProposalSnapshot = { ...published, texts: structuredClone(published.texts) };
  for (const change of snapshotChanges(baseline, proposed)) {
    if ("language" in change) merged.texts[change.language][change.field] = proposed.texts![change.language]?.[change.field] ?? null;
    else (merged as unknown as Record<string, unknown>)[change.field] = proposed[change.field];
  }
  return merged;
}

/** The proposal form's values for a snapshot (the shape `loadProposalValues` returns). */
export function formValuesOf(snapshot: ProposalSnapshot, version: number) {
  const texts = (language: Language) =>
    Object.fromEntries(TEXT_FIELDS.map((field) => [field, snapshot.texts[language][field] ?? undefined])) as Record<TextField, string | undefined>;
  return {
    version,
    originalLanguage: snapshot.originalLanguage,
    ...texts(snapshot.originalLanguage),
    translations: Object.fromEntries(SUPPORTED_LANGUAGES.filter((language) => language !== snapshot.originalLanguage).map((language) => [language, texts(language)])),
    themeId: snapshot.themeId ?? undefined,
    latitude: snapshot.latitude,
    longitude: snapshot.longitude,
    participants: snapshot.participants,
    goals: snapshot.goals,
    primaryGoal: snapshot.primaryGoal ?? undefined,
    targets: snapshot.targets,
    startDate: snapshot.startDate,
    endDate: snapshot.endDate,
    outcomes: snapshot.outcomes.map((o) => ({
      statement: o.statement,
      indicator: o.indicator,
      baseline: o.baseline ?? undefined,
      targetValue: o.targetValue ?? undefined,
      unit: o.unit ?? undefined,
      milestone: o.milestone ?? undefined,
      dueDate: o.dueDate,
    })),
    partners: snapshot.partners.map((name) => ({ name })),
    synchronisedHubs: snapshot.synchronisedHubs,
    channels: snapshot.channels ?? undefined,
    events: snapshot.events.map((event) => ({ name: event.name, date: event.date })),
    documents: snapshot.documents.map((document) => ({ title: document.title, url: document.url })),
    contactEmail: snapshot.contactEmail ?? undefined,
    website: snapshot.website ?? undefined,
  } satisfies Partial<ProposalInput>;
}
