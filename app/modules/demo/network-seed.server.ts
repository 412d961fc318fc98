import { sql, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { DEMO_COUNCIL_LINKS, DEMO_HUB_ACTIVITIES, DEMO_NETWORK_EVENTS, DEMO_SYNC_REQUESTS, DEMO_THREADS } from "../../../db/seed/demo-network";

/**
 * The demo's HUB network (issue 16): Policy Council links, the proposals' links as accepted pairs
 * (as migration 150 did for real data), and requests accepted, pending and declined.
 */
export async function seedDemoNetwork(trx: Transaction<Database>, { today }: { today: string }): Promise<void> {
  const hubIds = new Map((await trx.selectFrom("hubs").select(["id", "slug"]).execute()).map((row) => [row.slug, row.id]));
  const councilIds = new Map((await trx.selectFrom("policy_councils").select(["id", "slug"]).execute()).map((row) => [row.slug, row.id]));
  const councilLinks = Object.entries(DEMO_COUNCIL_LINKS).flatMap(([slug, councils]) =>
    hubIds.has(slug) ? councils.filter((council) => councilIds.has(council)).map((council) => ({ hub_id: hubIds.get(slug)!, council_id: councilIds.get(council)! })) : [],
  );
  if (councilLinks.length) await trx.insertInto("hub_policy_councils").values(councilLinks).onConflict((oc) => oc.doNothing()).execute();

  const dayStart = new Date(`${today}T09:00:00Z`).getTime();
  const daysAgo = (days: number) => new Date(dayStart - days * 86_400_000);
  await sql`
    insert into hub_sync_requests (requester_hub_id, target_hub_id, origin, status, created_at, decided_at)
    select distinct on (least(hub_id, other_hub_id), greatest(hub_id, other_hub_id)) hub_id, other_hub_id, 'proposal', 'accepted', ${daysAgo(200)}, ${daysAgo(200)}
    from hub_synchronisations s where hub_id <> other_hub_id
      and not exists (select 1 from hub_sync_requests r where least(r.requester_hub_id, r.target_hub_id) = least(s.hub_id, s.other_hub_id)
        and greatest(r.requester_hub_id, r.target_hub_id) = greatest(s.hub_id, s.other_hub_id) and r.status in ('pending', 'accepted'))
    order by least(hub_id, other_hub_id), greatest(hub_id, other_hub_id), hub_id`.execute(trx);

  for (const request of DEMO_SYNC_REQUESTS) {
    const from = hubIds.get(request.from);
    const to = hubIds.get(request.to);
    if (!from || !to) continue;
    const decided = request.status === "pending" ? null : daysAgo(Math.max(0, request.daysAgo - 3));
    const row = await trx
      .insertInto("hub_sync_requests")
      .values({
        requester_hub_id: from,
        target_hub_id: to,
        message: request.message,
        joint_activity: request.jointActivity,
        status: request.status,
        created_at: daysAgo(request.daysAgo),
        decided_at: decided,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const product of request.products ?? []) {
      await trx.insertInto("hub_joint_products").values({ sync_request_id: row.id, kind: product.kind, title: product.title, url: product.url, created_at: daysAgo(10) }).execute();
    }
  }

  const isoIn = (days: number) => new Date(new Date(`${today}T00:00:00Z`).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  for (const [position, activity] of DEMO_HUB_ACTIVITIES.entries()) {
    const hubId = hubIds.get(activity.hub);
    if (hubId) await trx.insertInto("hub_events").values({ hub_id: hubId, position: 100 + position, name: activity.name, event_date: isoIn(activity.inDays) }).execute();
  }
  for (const event of DEMO_NETWORK_EVENTS) {
    const row = await trx
      .insertInto("network_events")
      .values({
        kind: event.kind,
        title_en: event.title.en,
        title_es: event.title.es,
        title_fr: event.title.fr,
        location: event.location,
        starts_on: isoIn(event.startsIn),
        ends_on: isoIn(event.startsIn + event.days - 1),
        url: event.url,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const presented = event.presentedHubs.filter((slug) => hubIds.has(slug)).map((slug) => ({ event_id: row.id, hub_id: hubIds.get(slug)! }));
    if (presented.length) await trx.insertInto("network_event_hubs").values(presented).execute();
  }

  const authors = new Map((await trx.selectFrom("users").select(["id", "role"]).where("email", "like", "%@demo.l4a.test").execute()).map((row) => [row.role, row.id]));
  for (const [index, thread] of DEMO_THREADS.entries()) {
    const at = daysAgo(DEMO_THREADS.length - index);
    const row = await trx
      .insertInto("exchange_threads")
      .values({
        topic_kind: thread.topicKind,
        topic_ref: thread.topicRef,
        title: thread.title,
        language: thread.language,
        is_public: thread.isPublic,
        pinned: thread.pinned ?? false,
        announcement: thread.pinned ?? false,
        created_by: authors.get(thread.posts[0].author) ?? null,
        created_at: at,
        last_post_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("exchange_posts")
      .values(thread.posts.map((post) => ({ thread_id: row.id, author_id: authors.get(post.author) ?? null, body: post.body, created_at: at })))
      .execute();
  }
}
