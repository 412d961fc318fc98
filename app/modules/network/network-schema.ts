import { message, z } from "~/modules/forms/messages";
import { databaseId, databaseInt, httpUrl, isoDate } from "~/modules/forms/values";

/** The secretariat's edit of one Policy Council (names in the three languages, order), with its version. */
export const PolicyCouncilSchema = z.object({
  id: databaseId,
  version: databaseInt({ min: 1 }),
  nameEn: z.string().trim().min(1).max(200),
  nameEs: z.string().trim().min(1).max(200),
  nameFr: z.string().trim().min(1).max(200),
  position: databaseInt({ max: 1000 }),
});

/** The councils a HUB is linked to: checkboxes, none allowed. */
export const HubPolicyCouncilsSchema = z.object({
  councilIds: z.array(databaseId).max(50).default([]),
});

/** A city asks another HUB to synchronise: from one of its HUBs, to a HUB's address or slug. */
export const SyncRequestSchema = z.object({
  intent: z.literal("request"),
  fromHubId: databaseId,
  toHub: z.string().trim().min(1).max(2048),
  message: z.string().trim().min(1).max(2000),
  jointActivity: z.string().trim().min(1).max(500),
});

/** The asked HUB's city answers a request. */
export const SyncAnswerSchema = z.object({
  intent: z.literal("answer"),
  requestId: databaseId,
  version: databaseInt({ min: 1 }),
  decision: z.enum(["accept", "decline"]),
  comment: z.string().trim().max(1000).optional(),
});

/** A publication or tool made together by an accepted pair. */
export const JointProductSchema = z.object({
  intent: z.literal("product"),
  requestId: databaseId,
  kind: z.enum(["publication", "tool"]),
  title: z.string().trim().min(1).max(300),
  url: httpUrl,
});

/** The secretariat adds a network event (a yearly gathering, a congress) and the HUBs presented at it. */
export const NetworkEventSchema = z
  .object({
    kind: z.enum(["gathering", "congress", "network"]),
    titleEn: z.string().trim().min(1).max(200),
    titleEs: z.string().trim().min(1).max(200),
    titleFr: z.string().trim().min(1).max(200),
    location: z.string().trim().max(200).optional(),
    startsOn: isoDate,
    endsOn: isoDate,
    url: httpUrl.optional(),
    presentedHubs: z.string().max(20_000).optional(),
  })
  .superRefine((value, context) => {
    if (value.endsOn < value.startsOn) context.addIssue({ code: "custom", path: ["endsOn"], message: message("network:adminEvents.endBeforeStart") });
  });

/** A new thread of the exchange space: its topic, title, language and first post (plain text). */
export const ThreadSchema = z.object({
  intent: z.literal("thread"),
  topicKind: z.enum(["sdg", "theme", "region", "hub", "general"]),
  topicRef: z.string().trim().max(200).optional(),
  title: z.string().trim().min(1).max(200),
  language: z.enum(["en", "es", "fr"]),
  body: z.string().trim().min(1).max(5000),
  announcement: z.boolean().optional(),
});

/** A reply, a report, following, and the secretariat's moderation, on a thread's page. */
export const ReplySchema = z.object({ intent: z.literal("reply"), body: z.string().trim().min(1).max(5000) });
export const ReportSchema = z.object({ intent: z.literal("report"), postId: databaseId, reason: z.string().trim().min(1).max(500) });
export const FollowSchema = z.object({ intent: z.enum(["follow", "unfollow"]) });
export const ModerateThreadSchema = z.object({ intent: z.literal("moderate"), action: z.enum(["pin", "unpin", "lock", "unlock", "publish", "unpublish", "hide", "unhide"]) });
export const MoveThreadSchema = z.object({ intent: z.literal("move"), topicKind: z.enum(["sdg", "theme", "region", "hub", "general"]), topicRef: z.string().trim().max(200).optional() });
export const ModeratePostSchema = z.object({ intent: z.enum(["hidePost", "showPost"]), postId: databaseId });
