import { sql } from "kysely";
import type { DB } from "../../../db/index";
import type { ExchangeTopicKind, Language } from "../../../db/schema";
import type { SessionUser } from "~/modules/accounts/session.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { searchQuery } from "~/modules/hubs/hub-search.server";
import { hubTitleSql } from "~/modules/hubs/hub-texts.server";
import { isPublicHubSql } from "~/modules/hubs/lifecycle.server";
import { consumeRateLimit, type RateLimitRule } from "~/modules/http/rate-limit.server";
import { can, NotVisibleError } from "~/modules/permissions/permissions";

/**
 * The exchange space (docs/decisions/150-hub-network.md): threads by topic, language-tagged;
 * members (any signed-in account) read them, anyone reads a thread the secretariat made public;
 * members of verified organisations, the council and the secretariat post (rule `exchange:post`);
 * the secretariat facilitates (`exchange:moderate`). Posts are plain text.
 */

export type Viewer = SessionUser | null;

export interface ThreadSummary {
  id: number;
  title: string;
  language: Language;
  topicKind: ExchangeTopicKind;
  topicRef: string;
  isPublic: boolean;
  pinned: boolean;
  locked: boolean;
  hidden: boolean;
  announcement: boolean;
  lastPostAt: string;
  posts: number;
}

function visibleThreads(db: DB, viewer: Viewer) {
  const moderator = can(viewer, "exchange:moderate");
  return db
    .selectFrom("exchange_threads as t")
    .$if(viewer === null, (qb) => qb.where("t.is_public", "=", true))
    .$if(!moderator, (qb) => qb.where("t.hidden", "=", false));
}

/** Threads the viewer may read: pinned first, then the reader's language, then the latest activity; `q` searches titles and posts. */
export async function listThreads(db: DB, viewer: Viewer, { language, q, limit = 100 }: { language: Language; q?: string; limit?: number }): Promise<ThreadSummary[]> {
  const moderator = can(viewer, "exchange:moderate");
  const rows = await visibleThreads(db, viewer)
    .$if(q !== undefined && q !== "", (qb) =>
      // Titles and posts are indexed in their thread's language (migration 180); the query is OR-ed
      // over the three configurations, so "ciudad" finds "ciudades" and a French word an English
      // thread's. Both GIN indexes are read once, not one post lookup per thread.
      qb.where(
        sql<boolean>`t.id in (
          with x as materialized (select ${searchQuery(q!)} as q)
          select st.id from exchange_threads st, x where st.document @@ x.q
          union
          select sp.thread_id from exchange_posts sp, x where sp.document @@ x.q ${moderator ? sql`` : sql`and not sp.hidden`})`,
      ),
    )
    .select([
      "t.id",
      "t.title",
      "t.language",
      "t.topic_kind",
      "t.topic_ref",
      "t.is_public",
      "t.pinned",
      "t.locked",
      "t.hidden",
      "t.announcement",
      "t.last_post_at",
      sql<number>`(select count(*)::int from exchange_posts p where p.thread_id = t.id and not p.hidden)`.as("posts"),
    ])
    .orderBy("t.pinned", "desc")
    .orderBy(sql`t.language = ${language}`, "desc")
    .orderBy("t.last_post_at", "desc")
    .orderBy("t.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    language: row.language,
    topicKind: row.topic_kind,
    topicRef: row.topic_ref,
    isPublic: row.is_public,
    pinned: row.pinned,
    locked: row.locked,
    hidden: row.hidden,
    announcement: row.announcement,
    lastPostAt: new Date(row.last_post_at).toISOString(),
    posts: Number(row.posts),
  }));
}

export interface ThreadPost {
  id: number;
  author: string;
  body: string;
  hidden: boolean;
  createdAt: string;
  reports: number;
}

/** A thread with its posts (hidden ones for the secretariat only), or a NotVisibleError. */
export async function getThread(db: DB, viewer: Viewer, threadId: number, language: Language) {
  const moderator = can(viewer, "exchange:moderate");
  const thread = (await listThreadRow(db, viewer, threadId)) ?? null;
  if (!thread) throw new NotVisibleError();
  const posts = await db
    .selectFrom("exchange_posts as p")
    .leftJoin("users as u", "u.id", "p.author_id")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .where("p.thread_id", "=", threadId)
    .$if(!moderator, (qb) => qb.where("p.hidden", "=", false))
    .select([
      "p.id",
      "p.body",
      "p.hidden",
      "p.created_at",
      sql<string>`coalesce(u.display_name, '—') || coalesce(' (' || o.name || ')', '')`.as("author"),
      sql<number>`(select count(*)::int from exchange_reports r where r.post_id = p.id and r.resolved_at is null)`.as("reports"),
    ])
    .orderBy("p.id")
    .limit(500)
    .execute();
  const slugs = [...new Set(posts.flatMap((post) => [...post.body.matchAll(HUB_LINK)].map((match) => match[2])))];
  const hubCards = slugs.length
    ? await db
        .selectFrom("hubs as h")
        .innerJoin("organisations as o", "o.id", "h.lead_organisation_id")
        .where("h.slug", "in", slugs)
        .where(isPublicHubSql())
        .select(["h.slug", "o.city", sql<string>`coalesce(${hubTitleSql(language)}, h.slug)`.as("title")])
        .execute()
    : [];
  const following = viewer
    ? Boolean(await db.selectFrom("exchange_follows").select("user_id").where("thread_id", "=", threadId).where("user_id", "=", viewer.id).executeTakeFirst())
    : false;
  return {
    thread,
    following,
    hubCards,
    posts: posts.map((post) => ({
      id: post.id,
      author: post.author,
      body: post.body,
      hidden: post.hidden,
      createdAt: new Date(post.created_at).toISOString(),
      reports: moderator ? Number(post.reports) : 0,
    })) satisfies ThreadPost[],
  };
}

/** A link to a HUB page of this registry in a post: shown as a HUB card. */
export const HUB_LINK = /https?:\/\/[^\s/]+\/(en|es|fr)\/hubs\/([a-z0-9-]{1,200})(?![a-z0-9-])/g;

async function listThreadRow(db: DB, viewer: Viewer, threadId: number) {
  const rows = await listThreadsById(db, viewer, threadId);
  return rows[0];
}

function listThreadsById(db: DB, viewer: Viewer, threadId: number) {
  return visibleThreads(db, viewer)
    .where("t.id", "=", threadId)
    .select(["t.id", "t.title", "t.language", "t.topic_kind", "t.topic_ref", "t.is_public", "t.pinned", "t.locked", "t.hidden", "t.announcement"])
    .execute();
}

export type PostRefusal = "unverified" | "locked" | "rateLimited";

async function mayPost(db: DB, user: SessionUser, rule: RateLimitRule): Promise<PostRefusal | null> {
  const verified = user.organisationId
    ? Boolean((await db.selectFrom("organisations").select("verified_at").where("id", "=", user.organisationId).executeTakeFirst())?.verified_at)
    : false;
  if (!can(user, "exchange:post", { organisationVerified: verified })) return "unverified";
  const decision = await consumeRateLimit(db, rule, String(user.id));
  return decision.allowed ? null : "rateLimited";
}

export interface NewThread {
  topicKind: ExchangeTopicKind;
  topicRef?: string;
  title: string;
  language: Language;
  body: string;
  announcement?: boolean;
}

export async function createThread(db: DB, user: SessionUser, rule: RateLimitRule, input: NewThread): Promise<{ threadId: number } | { refused: PostRefusal }> {
  const refused = await mayPost(db, user, rule);
  if (refused) return { refused };
  const announcement = Boolean(input.announcement) && can(user, "exchange:moderate");
  return db.transaction().execute(async (trx) => {
    const thread = await trx
      .insertInto("exchange_threads")
      .values({ topic_kind: input.topicKind, topic_ref: input.topicRef ?? "", title: input.title, language: input.language, created_by: user.id, announcement, pinned: announcement })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("exchange_posts").values({ thread_id: thread.id, author_id: user.id, body: input.body }).execute();
    await trx.insertInto("exchange_follows").values({ thread_id: thread.id, user_id: user.id }).execute();
    await recordAudit(trx, { entity: "exchange_thread", entityId: thread.id, actorUserId: user.id, action: "create" });
    return { threadId: thread.id };
  });
}

/** A reply; the thread's followers (but the author) are notified in the app, once per post. */
export async function replyToThread(db: DB, user: SessionUser, rule: RateLimitRule, { threadId, body }: { threadId: number; body: string }): Promise<{ postId: number } | { refused: PostRefusal }> {
  const thread = await listThreadRow(db, user, threadId);
  if (!thread) throw new NotVisibleError();
  if (thread.locked && !can(user, "exchange:moderate")) return { refused: "locked" };
  const refused = await mayPost(db, user, rule);
  if (refused) return { refused };
  return db.transaction().execute(async (trx) => {
    const post = await trx.insertInto("exchange_posts").values({ thread_id: threadId, author_id: user.id, body }).returning("id").executeTakeFirstOrThrow();
    await trx.updateTable("exchange_threads").set({ last_post_at: new Date() }).where("id", "=", threadId).execute();
    await trx.insertInto("exchange_follows").values({ thread_id: threadId, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
    const followers = await trx.selectFrom("exchange_follows").select("user_id").where("thread_id", "=", threadId).where("user_id", "!=", user.id).execute();
    if (followers.length) {
      await trx
        .insertInto("notifications")
        .values(followers.map((follower) => ({ user_id: follower.user_id, kind: "exchange_reply", hub_id: null, update_id: null, due_date: null, dedupe_key: `exchange_reply:${post.id}:u${follower.user_id}` })))
        .onConflict((oc) => oc.column("dedupe_key").doNothing())
        .execute();
    }
    return { postId: post.id };
  });
}

export type ModerationAction = "pin" | "unpin" | "lock" | "unlock" | "publish" | "unpublish" | "hide" | "unhide";

/** The secretariat facilitates a thread; audited. */
export async function moderateThread(db: DB, user: SessionUser, { threadId, action, topicKind, topicRef }: { threadId: number; action: ModerationAction | "move"; topicKind?: ExchangeTopicKind; topicRef?: string }) {
  if (!can(user, "exchange:moderate")) throw new NotVisibleError();
  const changes =
    action === "move"
      ? { topic_kind: topicKind ?? "general", topic_ref: topicRef ?? "" }
      : {
          pin: { pinned: true },
          unpin: { pinned: false },
          lock: { locked: true },
          unlock: { locked: false },
          publish: { is_public: true },
          unpublish: { is_public: false },
          hide: { hidden: true },
          unhide: { hidden: false },
        }[action];
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("exchange_threads").set(changes).where("id", "=", threadId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotVisibleError();
    await recordAudit(trx, { entity: "exchange_thread", entityId: threadId, actorUserId: user.id, action });
  });
}

/** The secretariat hides or shows a post; hiding resolves its reports. */
export async function moderatePost(db: DB, user: SessionUser, { postId, hide }: { postId: number; hide: boolean }) {
  if (!can(user, "exchange:moderate")) throw new NotVisibleError();
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable("exchange_posts").set({ hidden: hide }).where("id", "=", postId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw new NotVisibleError();
    if (hide) await trx.updateTable("exchange_reports").set({ resolved_at: new Date() }).where("post_id", "=", postId).where("resolved_at", "is", null).execute();
    await recordAudit(trx, { entity: "exchange_post", entityId: postId, actorUserId: user.id, action: hide ? "hide" : "unhide" });
  });
}

/** Any member reports a post they can read (once per post). */
export async function reportPost(db: DB, user: SessionUser, { postId, reason }: { postId: number; reason: string }) {
  const post = await db.selectFrom("exchange_posts").select(["thread_id", "hidden"]).where("id", "=", postId).executeTakeFirst();
  if (!post || post.hidden || !(await listThreadRow(db, user, post.thread_id))) throw new NotVisibleError();
  await db.insertInto("exchange_reports").values({ post_id: postId, reporter_id: user.id, reason }).onConflict((oc) => oc.columns(["post_id", "reporter_id"]).doNothing()).execute();
}

export async function setFollowing(db: DB, user: SessionUser, { threadId, follow }: { threadId: number; follow: boolean }) {
  if (!(await listThreadRow(db, user, threadId))) throw new NotVisibleError();
  if (follow) await db.insertInto("exchange_follows").values({ thread_id: threadId, user_id: user.id }).onConflict((oc) => oc.doNothing()).execute();
  else await db.deleteFrom("exchange_follows").where("thread_id", "=", threadId).where("user_id", "=", user.id).execute();
}

/** The open reports, for the secretariat. */
export function listOpenReports(db: DB) {
  return db
    .selectFrom("exchange_reports as r")
    .innerJoin("exchange_posts as p", "p.id", "r.post_id")
    .innerJoin("exchange_threads as t", "t.id", "p.thread_id")
    .where("r.resolved_at", "is", null)
    .select(["r.id", "r.reason", "r.created_at", "p.id as post_id", "p.body", "t.id as thread_id", "t.title"])
    .orderBy("r.id")
    .limit(100)
    .execute();
}
