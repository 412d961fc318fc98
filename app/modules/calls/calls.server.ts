import { sql, type Transaction } from "kysely";
import type { DB } from "../../../db/index";
import type { Database, Language, OrganisationKind, WorldRegion } from "../../../db/schema";
import { recordAudit, type RequestSource } from "~/modules/audit/audit.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { cachedPublic } from "~/modules/hubs/public-cache.server";
import { isPublicHubSql } from "~/modules/hubs/public-status-sql.server";
import { SUPPORTED_LANGUAGES } from "~/modules/i18n/config";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { pickText } from "~/modules/i18n/text-fallback";
import { WorkflowError } from "~/modules/hubs/workflow-error";
import { formatDateTime } from "~/modules/i18n/format";
import { acceptsSubmissions, preselectedCallId, callStateOf, canPublishResults, criteriaEditable, DEFAULT_CRITERIA, isPublicCallState, timelineFits, type CallState } from "./call-lifecycle";
import { parseUtcMinute, type CallInput } from "./call-schema";

/**
 * Calls for proposals: stored, read and moved through their lifecycle here (the rules themselves are
 * the pure functions of call-lifecycle.ts). Texts follow the one fallback rule (`pickText`): the
 * reader's language where the call has it, else the call's original language.
 */

type Executor = DB | Transaction<Database>;
const TEXT_FIELDS = ["title", "summary", "body"] as const;
type CallTextField = (typeof TEXT_FIELDS)[number];
const SUFFIX = { en: "En", es: "Es", fr: "Fr" } as const;

export class CallConflictError extends Error {
  constructor(public readonly reason: "conflict" | "slugTaken" | "criteriaFrozen" | "wrongState" | "standingTaken") {
    super(reason);
  }
}

const CALL_COLUMNS = [
  "c.id",
  "c.slug",
  "c.original_language",
  "c.standing",
  "c.published",
  "c.opens_at",
  "c.closes_at",
  "c.max_timeline_years",
  "c.eligible_kinds",
  "c.results_published_at",
  "c.version",
] as const;

type CallRow = {
  id: number;
  slug: string;
  original_language: Language;
  standing: boolean;
  published: boolean;
  opens_at: Date;
  closes_at: Date | null;
  max_timeline_years: number;
  eligible_kinds: OrganisationKind[];
  results_published_at: Date | null;
  version: number;
};

export function stateOf(row: Pick<CallRow, "published" | "standing" | "opens_at" | "closes_at" | "results_published_at">, now: Date): CallState {
  return callStateOf({ published: row.published, standing: row.standing, opensAt: row.opens_at, closesAt: row.closes_at, resultsPublishedAt: row.results_published_at }, now);
}

/** PostgreSQL text[] comes back as an array from both drivers; an old PGlite may hand back '{a,b}'. */
function kindsOf(value: unknown): OrganisationKind[] {
  if (Array.isArray(value)) return value as OrganisationKind[];
  return String(value ?? "")
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean) as OrganisationKind[];
}

async function textsOf(db: Executor, callIds: number[]) {
  if (!callIds.length) return [];
  return db.selectFrom("call_translations").select(["call_id", "language", "title", "summary", "body"]).where("call_id", "in", callIds).execute();
}

export interface CallSummary {
  id: number;
  slug: string;
  state: CallState;
  standing: boolean;
  title: string;
  titleLanguage: Language;
  summary: string;
  summaryLanguage: Language;
  opensAt: string;
  closesAt: string | null;
  resultsPublishedAt: string | null;
}

function summarise(row: CallRow, texts: Awaited<ReturnType<typeof textsOf>>, language: Language, now: Date): CallSummary {
  const rows = texts.filter((text) => text.call_id === row.id);
  const title = pickText(rows, "title", language, row.original_language);
  const summary = pickText(rows, "summary", language, row.original_language);
  return {
    id: row.id,
    slug: row.slug,
    state: stateOf(row, now),
    standing: row.standing,
    title: title?.text ?? row.slug,
    titleLanguage: title?.language ?? row.original_language,
    summary: summary?.text ?? "",
    summaryLanguage: summary?.language ?? row.original_language,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at?.toISOString() ?? null,
    resultsPublishedAt: row.results_published_at?.toISOString() ?? null,
  };
}

async function selectCalls(db: Executor, where: (qb: any) => any = (qb) => qb): Promise<CallRow[]> {
  const rows = await where(db.selectFrom("calls as c").select(CALL_COLUMNS)).orderBy("c.opens_at", "desc").orderBy("c.id", "desc").execute();
  return rows.map((row: CallRow) => ({ ...row, eligible_kinds: kindsOf(row.eligible_kinds) }));
}

/** Every call with its derived state, the secretariat's list (drafts included). */
export async function listAllCalls(db: DB, language: Language, now: Date): Promise<CallSummary[]> {
  const rows = await selectCalls(db);
  const texts = await textsOf(db, rows.map((row) => row.id));
  return rows.map((row) => summarise(row, texts, language, now));
}

/** Open calls as every list shows them: dated calls first, soonest deadline first, the standing call last. */
function openCallOrder(a: CallSummary, b: CallSummary): number {
  return Number(a.standing) - Number(b.standing) || (a.closesAt ?? "9").localeCompare(b.closesAt ?? "9");
}

/** The calls the public sees (not drafts), grouped as the calls page lists them. */
export async function listPublicCalls(db: DB, language: Language, now: Date) {
  const calls = (await listAllCalls(db, language, now)).filter((call) => isPublicCallState(call.state));
  return {
    open: calls.filter((call) => call.state === "open").sort(openCallOrder),
    upcoming: calls.filter((call) => call.state === "scheduled").sort((a, b) => a.opensAt.localeCompare(b.opensAt)),
    past: calls.filter((call) => call.state === "closed" || call.state === "results_published"),
  };
}

/** The calls open now (a proposal may be submitted to them), dated calls first, soonest deadline first. */
export async function listOpenCalls(db: Executor, language: Language, now: Date): Promise<CallSummary[]> {
  const rows = await selectCalls(db, (qb) =>
    qb
      .where("c.published", "=", true)
      .where("c.results_published_at", "is", null)
      .where("c.opens_at", "<=", now)
      .where((eb: any) => eb.or([eb("c.standing", "=", true), eb("c.closes_at", ">", now)])),
  );
  const texts = await textsOf(db, rows.map((row) => row.id));
  return rows
    .map((row) => summarise(row, texts, language, now))
    .sort(openCallOrder);
}

/**
 * The open call the home page and the navigation show: the dated open call closing first (a standing
 * call is not news). Every page's layout asks, so the dated calls still awaiting results are kept per
 * public data version (the calls tables bump it: migration 140) and which of them is open is judged
 * at `now` by the one lifecycle rule (`stateOf`), not by the query.
 */
export async function featuredOpenCall(db: DB, language: Language, now: Date): Promise<{ slug: string; title: string; closesAt: string; count: number } | null> {
  const { rows, texts } = await cachedPublic(db, "calls:dated-awaiting-results", async () => {
    const rows = await selectCalls(db, (qb) => qb.where("c.standing", "=", false).where("c.published", "=", true).where("c.results_published_at", "is", null));
    return { rows, texts: await textsOf(db, rows.map((row) => row.id)) };
  });
  const dated = rows
    .filter((row) => stateOf(row, now) === "open")
    .map((row) => summarise(row, texts, language, now))
    .sort(openCallOrder);
  if (!dated.length) return null;
  return { slug: dated[0].slug, title: dated[0].title, closesAt: dated[0].closesAt!, count: dated.length };
}

export interface CallDetail extends CallSummary {
  originalLanguage: Language;
  body: string;
  bodyLanguage: Language;
  maxTimelineYears: number;
  eligibleKinds: OrganisationKind[];
  version: number;
  criteria: { id: number; title: string; language: Language }[];
  themes: { id: number; name: string }[];
  goals: number[];
  documents: { title: string; url: string }[];
}

async function detailOf(db: Executor, row: CallRow, language: Language, now: Date): Promise<CallDetail> {
  const [texts, criteria, themes, goals, documents] = await Promise.all([
    textsOf(db, [row.id]),
    db.selectFrom("call_criteria").select(["id", "title_en", "title_es", "title_fr"]).where("call_id", "=", row.id).orderBy("position").orderBy("id").execute(),
    db
      .selectFrom("call_themes as ct")
      .innerJoin("themes as th", "th.id", "ct.theme_id")
      .select(["th.id", sql.ref<string>(`th.name_${language}`).as("name")])
      .where("ct.call_id", "=", row.id)
      .orderBy("th.position")
      .execute(),
    db.selectFrom("call_goals").select("goal").where("call_id", "=", row.id).orderBy("goal").execute(),
    db.selectFrom("call_documents").select(["title", "url"]).where("call_id", "=", row.id).orderBy("position").execute(),
  ]);
  const summary = summarise(row, texts, language, now);
  const body = pickText(texts, "body", language, row.original_language);
  return {
    ...summary,
    originalLanguage: row.original_language,
    body: body?.text ?? "",
    bodyLanguage: body?.language ?? row.original_language,
    maxTimelineYears: row.max_timeline_years,
    eligibleKinds: row.eligible_kinds,
    version: row.version,
    criteria: criteria.map((criterion) => ({ id: criterion.id, ...criterionTitle(criterion, language, row.original_language) })),
    themes,
    goals: goals.map((goal) => goal.goal),
    documents,
  };
}

/** A criterion's title by the fallback rule (the reader's language, else the call's original). */
export function criterionTitle(criterion: { title_en: string | null; title_es: string | null; title_fr: string | null }, language: Language, original: Language) {
  const rows = SUPPORTED_LANGUAGES.map((candidate) => ({ language: candidate, title: criterion[`title_${candidate}`] }));
  const picked = pickText(rows, "title", language, original);
  return { title: picked?.text ?? "", language: picked?.language ?? original };
}

/** A call the public may see (not a draft), by slug; null otherwise. */
export async function getPublicCall(db: DB, slug: string, language: Language, now: Date): Promise<CallDetail | null> {
  const [row] = await selectCalls(db, (qb) => qb.where("c.slug", "=", slug));
  if (!row || !isPublicCallState(stateOf(row, now))) return null;
  return detailOf(db, row, language, now);
}

export async function getCall(db: Executor, callId: number, language: Language, now: Date): Promise<CallDetail | null> {
  const [row] = await selectCalls(db, (qb) => qb.where("c.id", "=", callId));
  return row ? detailOf(db, row, language, now) : null;
}

/** After results: the HUBs recognised through the call, with counts per region and per (primary) SDG. */
export async function recognisedThrough(db: DB, callId: number, language: Language) {
  const hubs = await db
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .leftJoin("hub_goals as g", (join) => join.onRef("g.hub_id", "=", "h.id").on("g.is_primary", "=", true))
    .select(["h.id", "h.slug", "o.city", "o.country_code", "o.region", "g.goal", hubTitleSql(language).as("title")])
    .where("h.call_id", "=", callId)
    .where(isPublicHubSql("h"))
    .orderBy("o.city")
    .execute();
  const count = <K extends string | number>(keys: K[]) => {
    const counts = new Map<K, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].map(([key, n]) => ({ key, count: n })).sort((a, b) => b.count - a.count || String(a.key).localeCompare(String(b.key)));
  };
  return {
    hubs: hubs.map((hub) => ({ ...hub, region: hub.region as WorldRegion, title: hub.title ?? hub.slug })),
    byRegion: count(hubs.map((hub) => hub.region as WorldRegion)).map(({ key, count: n }) => ({ region: key, count: n })),
    byGoal: count(hubs.flatMap((hub) => (hub.goal === null ? [] : [hub.goal]))).map(({ key, count: n }) => ({ goal: key, count: n })),
  };
}

// --- The secretariat's form ---

/** The call's stored texts per language and field, with which are missing (the translation status the form shows). */
export async function callFormValues(db: DB, callId: number) {
  const [row] = await selectCalls(db, (qb) => qb.where("c.id", "=", callId));
  if (!row) return null;
  const [texts, criteria, themes, goals, documents] = await Promise.all([
    textsOf(db, [callId]),
    db.selectFrom("call_criteria").select(["id", "title_en", "title_es", "title_fr"]).where("call_id", "=", callId).orderBy("position").orderBy("id").execute(),
    db.selectFrom("call_themes").select("theme_id").where("call_id", "=", callId).execute(),
    db.selectFrom("call_goals").select("goal").where("call_id", "=", callId).execute(),
    db.selectFrom("call_documents").select(["title", "url"]).where("call_id", "=", callId).orderBy("position").execute(),
  ]);
  const values: Record<string, unknown> = {
    version: row.version,
    slug: row.slug,
    originalLanguage: row.original_language,
    opensAt: row.opens_at.toISOString().slice(0, 16),
    closesAt: row.closes_at?.toISOString().slice(0, 16) ?? "",
    standing: row.standing ? "on" : undefined,
    maxTimelineYears: row.max_timeline_years,
    eligibleKinds: row.eligible_kinds,
    themeIds: themes.map((theme) => String(theme.theme_id)),
    goals: goals.map((goal) => String(goal.goal)),
    criteria: criteria.map((criterion) => ({ id: String(criterion.id), titleEn: criterion.title_en ?? "", titleEs: criterion.title_es ?? "", titleFr: criterion.title_fr ?? "" })),
    documents,
  };
  const missing: Record<Language, CallTextField[]> = { en: [], es: [], fr: [] };
  for (const language of SUPPORTED_LANGUAGES) {
    const text = texts.find((candidate) => candidate.language === language);
    for (const field of TEXT_FIELDS) {
      values[`${field}${SUFFIX[language]}`] = text?.[field] ?? "";
      if (!text?.[field]) missing[language].push(field);
    }
  }
  return { values, missing, state: row, standing: row.standing };
}

/** The default criteria in the three languages (from the locales), for a new call's form. */
export async function defaultCriteria() {
  const translators = await Promise.all(SUPPORTED_LANGUAGES.map((language) => getTranslator(language)));
  return DEFAULT_CRITERIA.map((key) => {
    const [en, es, fr] = translators.map((t) => t(`calls:criteria.${key}`));
    return { titleEn: en, titleEs: es, titleFr: fr };
  });
}

function keptCriteria(input: CallInput) {
  return (input.criteria ?? []).filter((row) => !row.remove && (row.titleEn || row.titleEs || row.titleFr));
}

/** Creates (callId undefined) or updates a call, audited; its criteria only while it has not opened. */
export async function saveCall(db: DB, actorUserId: number, callId: number | undefined, input: CallInput, now: Date, source?: RequestSource): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("calls")
      .select("id")
      .where("slug", "=", input.slug)
      .$if(callId !== undefined, (qb) => qb.where("id", "!=", callId!))
      .executeTakeFirst();
    if (taken) throw new CallConflictError("slugTaken");
    const opensAt = parseUtcMinute(input.opensAt)!;
    const closesAt = input.standing ? null : parseUtcMinute(input.closesAt!)!;
    const values = {
      slug: input.slug,
      original_language: input.originalLanguage,
      standing: Boolean(input.standing),
      max_timeline_years: input.maxTimelineYears,
      eligible_kinds: sql<OrganisationKind[]>`${sql.val(`{${[...new Set(input.eligibleKinds)].join(",")}}`)}::text[]` as unknown as OrganisationKind[],
      closes_at: closesAt,
      updated_at: now,
    };
    let id = callId;
    let writeCriteria = true;
    if (id === undefined) {
      if (input.standing && (await trx.selectFrom("calls").select("id").where("standing", "=", true).executeTakeFirst())) throw new CallConflictError("standingTaken");
      id = (await trx.insertInto("calls").values({ ...values, opens_at: opensAt, created_by: actorUserId }).returning("id").executeTakeFirstOrThrow()).id;
      await recordAudit(trx, { entity: "call", entityId: id, actorUserId, action: "create", toStatus: "draft", source });
    } else {
      const [current] = await selectCalls(trx, (qb) => qb.where("c.id", "=", callId).forUpdate());
      if (!current) throw new WorkflowError("notFound");
      if (input.version !== current.version) throw new CallConflictError("conflict");
      const state = stateOf(current, now);
      if (state === "results_published") throw new CallConflictError("wrongState");
      if (input.standing !== undefined !== current.standing) {
        if (input.standing && (await trx.selectFrom("calls").select("id").where("standing", "=", true).where("id", "!=", current.id).executeTakeFirst())) throw new CallConflictError("standingTaken");
      }
      writeCriteria = criteriaEditable(state);
      if (!writeCriteria) {
        // Once open, what applicants rely on is frozen: the criteria and the opening time.
        const stored = await trx.selectFrom("call_criteria").select(["id", "title_en", "title_es", "title_fr"]).where("call_id", "=", current.id).orderBy("position").orderBy("id").execute();
        const submitted = keptCriteria(input);
        const same =
          stored.length === submitted.length &&
          stored.every((row, index) => (row.title_en ?? "") === (submitted[index].titleEn ?? "") && (row.title_es ?? "") === (submitted[index].titleEs ?? "") && (row.title_fr ?? "") === (submitted[index].titleFr ?? ""));
        if (!same || opensAt.getTime() !== current.opens_at.getTime()) throw new CallConflictError("criteriaFrozen");
      }
      await trx
        .updateTable("calls")
        .set((eb) => ({ ...values, ...(writeCriteria ? { opens_at: opensAt } : {}), version: eb("version", "+", 1) }))
        .where("id", "=", current.id)
        .execute();
      await recordAudit(trx, { entity: "call", entityId: current.id, actorUserId, action: "update", source });
    }
    const callIdNow = id;
    for (const language of SUPPORTED_LANGUAGES) {
      const suffix = SUFFIX[language];
      const row = {
        title: input[`title${suffix}`] || null,
        summary: input[`summary${suffix}`] || null,
        body: input[`body${suffix}`] || null,
      };
      await trx
        .insertInto("call_translations")
        .values({ call_id: callIdNow, language, ...row, updated_at: now })
        .onConflict((oc) => oc.columns(["call_id", "language"]).doUpdateSet({ ...row, updated_at: now }))
        .execute();
    }
    if (writeCriteria) {
      await trx.deleteFrom("call_criteria").where("call_id", "=", callIdNow).execute();
      const criteria = keptCriteria(input);
      if (criteria.length) {
        await trx
          .insertInto("call_criteria")
          .values(criteria.map((row, position) => ({ call_id: callIdNow, position, title_en: row.titleEn || null, title_es: row.titleEs || null, title_fr: row.titleFr || null })))
          .execute();
      }
    }
    await trx.deleteFrom("call_themes").where("call_id", "=", callIdNow).execute();
    const themeIds = [...new Set(input.themeIds ?? [])];
    if (themeIds.length) {
      const known = await trx.selectFrom("themes").select("id").where("id", "in", themeIds).execute();
      if (known.length) await trx.insertInto("call_themes").values(known.map((theme) => ({ call_id: callIdNow, theme_id: theme.id }))).execute();
    }
    await trx.deleteFrom("call_goals").where("call_id", "=", callIdNow).execute();
    const goals = [...new Set(input.goals ?? [])];
    if (goals.length) await trx.insertInto("call_goals").values(goals.map((goal) => ({ call_id: callIdNow, goal }))).execute();
    await trx.deleteFrom("call_documents").where("call_id", "=", callIdNow).execute();
    const documents = (input.documents ?? []).filter((row) => row.title && row.url);
    if (documents.length) {
      await trx
        .insertInto("call_documents")
        .values(documents.map((row, position) => ({ call_id: callIdNow, position, title: row.title!, url: row.url! })))
        .execute();
    }
    return callIdNow;
  });
}

export type CallTransition = "schedule" | "unschedule" | "close" | "publishResults";

/**
 * The secretariat moves a call: schedule (publish a draft: it opens at its time), unschedule (back to
 * draft before it opens), close (a standing call, or a dated one early: its closing time becomes now),
 * publish results (a closed call, all its decisions at once; the notices go out through the job).
 */
export async function changeCallState(db: DB, actorUserId: number, callId: number, transition: CallTransition, expectedVersion: number, now: Date, source?: RequestSource) {
  return db.transaction().execute(async (trx) => {
    const [call] = await selectCalls(trx, (qb) => qb.where("c.id", "=", callId).forUpdate());
    if (!call) throw new WorkflowError("notFound");
    if (call.version !== expectedVersion) throw new CallConflictError("conflict");
    const from = stateOf(call, now);
    const times = { published: call.published, standing: call.standing, opensAt: call.opens_at, closesAt: call.closes_at, resultsPublishedAt: call.results_published_at };
    let set: Record<string, unknown>;
    if (transition === "schedule" && from === "draft") {
      const criteria = await trx.selectFrom("call_criteria").select("id").where("call_id", "=", callId).executeTakeFirst();
      if (!criteria) throw new CallConflictError("wrongState");
      set = { published: true };
    } else if (transition === "unschedule" && from === "scheduled") set = { published: false };
    else if (transition === "close" && from === "open") set = { closes_at: now, standing: false };
    else if (transition === "publishResults" && canPublishResults(times, now)) {
      const undecided = await trx.selectFrom("hubs").select("id").where("call_id", "=", callId).where("status", "in", ["submitted", "changes_requested"]).executeTakeFirst();
      if (undecided) throw new CallConflictError("wrongState");
      set = { results_published_at: now };
    } else throw new CallConflictError("wrongState");
    await trx
      .updateTable("calls")
      .set((eb) => ({ ...set, updated_at: now, version: eb("version", "+", 1) }))
      .where("id", "=", callId)
      .execute();
    const to = stateOf({ ...call, ...(set as Partial<CallRow>) }, now);
    await recordAudit(trx, { entity: "call", entityId: callId, actorUserId, action: transition, fromStatus: from, toStatus: to, source });
    return { from, to };
  });
}

// --- Answering a call ---

/** The calls a proposal form offers: the open ones, and the call the proposal already answers. */
export async function callChoices(db: DB, language: Language, now: Date, currentCallId: number | null) {
  const open = await listOpenCalls(db, language, now);
  if (currentCallId !== null && !open.some((call) => call.id === currentCallId)) {
    const current = await getCall(db, currentCallId, language, now);
    if (current) open.push(current);
  }
  return open.map((call) => ({ id: call.id, title: call.title, state: call.state, standing: call.standing, closesAt: call.closesAt }));
}

/** The proposal form's choice of call, labelled in `language` (the deadline with its time zone named). */
export async function proposalCallOptions(db: DB, language: Language, now: Date, hubId?: number): Promise<{ id: number; label: string }[]> {
  const current = hubId === undefined ? null : ((await db.selectFrom("hubs").select("call_id").where("id", "=", hubId).executeTakeFirst())?.call_id ?? null);
  const [choices, t] = await Promise.all([callChoices(db, language, now, current), getTranslator(language)]);
  return choices.map((call) => ({
    id: call.id,
    label: call.closesAt ? t("calls:proposal.closes", { title: call.title, deadline: formatDateTime(call.closesAt, language) }) : t("calls:proposal.standing", { title: call.title }),
  }));
}

/** Which call a new proposal's form starts with: the one asked for (`?call=`) when open, else the only open call. */
export async function initialCallFor(db: DB, requested: number | null, now: Date): Promise<number | undefined> {
  const open = await listOpenCalls(db, "en", now);
  if (requested !== null && open.some((call) => call.id === requested)) return requested;
  return preselectedCallId(open) ?? undefined;
}

/**
 * Checks, in the submit transition's transaction, that the HUB may be submitted now: it answers a call
 * that is open (server time), its organisation is eligible and its timeline fits. A HUB that answers no
 * call yet takes the only open call. Throws WorkflowError("callClosed" | "callRequired" | "notEligible" | "timelineTooLong").
 */
export async function requireOpenCallForSubmission(trx: Transaction<Database>, hubId: number, now: Date): Promise<number> {
  const hub = await trx
    .selectFrom("hubs as h")
    .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
    .select(["h.call_id", "h.start_date", "h.end_date", "o.kind"])
    .where("h.id", "=", hubId)
    .executeTakeFirstOrThrow();
  let callId = hub.call_id;
  if (callId === null) {
    const open = await listOpenCalls(trx, "en", now);
    const dated = open.filter((call) => !call.standing);
    const pick = open.length === 1 ? open[0] : dated.length === 1 ? dated[0] : null;
    if (!pick) throw new WorkflowError(open.length ? "callRequired" : "callClosed");
    callId = pick.id;
    await trx.updateTable("hubs").set({ call_id: callId }).where("id", "=", hubId).execute();
  }
  const [call] = await selectCalls(trx, (qb) => qb.where("c.id", "=", callId).forShare());
  const times = call && { published: call.published, standing: call.standing, opensAt: call.opens_at, closesAt: call.closes_at, resultsPublishedAt: call.results_published_at };
  if (!times || !acceptsSubmissions(times, now)) throw new WorkflowError("callClosed");
  if (!call.eligible_kinds.includes(hub.kind)) throw new WorkflowError("notEligible");
  if (!timelineFits(hub.start_date, hub.end_date, call.max_timeline_years)) throw new WorkflowError("timelineTooLong");
  return callId;
}

/** The city's choice of call on its proposal (while it is editable): an open call, or none. */
export async function setProposalCall(trx: Transaction<Database>, hubId: number, callId: number | null | undefined, now: Date): Promise<void> {
  if (callId === undefined) return;
  const current = await trx.selectFrom("hubs").select("call_id").where("id", "=", hubId).executeTakeFirst();
  // A draft keeps the call it answers even once that call has closed (drafts may be written at any time).
  if (current?.call_id === callId) return;
  if (callId !== null) {
    const open = await listOpenCalls(trx, "en", now);
    if (!open.some((call) => call.id === callId)) throw new WorkflowError("callClosed");
  }
  await trx.updateTable("hubs").set({ call_id: callId }).where("id", "=", hubId).execute();
}
