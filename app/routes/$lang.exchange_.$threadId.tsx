import { getFormProps, useForm } from "@conform-to/react";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSessionUser, requireUser } from "~/modules/accounts/session.server";
import { FormErrors, TextAreaField } from "~/modules/forms/fields";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { rateLimitRules } from "~/modules/http/rate-limit.server";
import { badRequest, notFound } from "~/modules/http/responses.server";
import { formatDate } from "~/modules/i18n/format";
import { getThread, moderatePost, moderateThread, replyToThread, reportPost, setFollowing } from "~/modules/network/exchange.server";
import { FollowSchema, ModeratePostSchema, ModerateThreadSchema, MoveThreadSchema, ReplySchema, ReportSchema } from "~/modules/network/network-schema";
import { PostBody } from "~/modules/network/post-body";
import { can, NotVisibleError } from "~/modules/permissions/permissions";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

/** /{lang}/exchange/{id}: a thread (members only unless public), its posts, the reply form and the secretariat's tools. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const threadId = idParam(params.threadId);
  const viewer = await getSessionUser(context, request);
  try {
    const data = await getThread(context.db, viewer, threadId, language);
    return json({ language, ...data, signedIn: viewer !== null, mayPost: can(viewer, "exchange:post"), moderator: can(viewer, "exchange:moderate") });
  } catch (error) {
    if (!(error instanceof NotVisibleError)) throw error;
    // A members' thread asks an anonymous visitor to sign in; anyone else gets a 404.
    if (!viewer) await requireUser(context, request);
    notFound();
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  // Every form here needs an account; the intent's own rule is asked below.
  await requirePermission(context, request, "exchange:report");
  const threadId = idParam(params.threadId);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const back = `/${language}/exchange/${threadId}`;
  try {
    if (intent === "reply") {
      const user = await requirePermission(context, request, "exchange:post");
      const submission = parseForm(formData, { schema: ReplySchema });
      if (submission.status !== "success") return json(submission.reply(), { status: 400 });
      const outcome = await replyToThread(context.db, user, rateLimitRules(context.env).exchangePost, { threadId, body: submission.value.body });
      if ("refused" in outcome) return json(submission.reply({ formErrors: [`network:exchange.refused.${outcome.refused}`] }), { status: outcome.refused === "rateLimited" ? 429 : 403 });
      return redirect(`${back}#post-${outcome.postId}`);
    }
    if (intent === "report") {
      const user = await requirePermission(context, request, "exchange:report");
      const submission = parseForm(formData, { schema: ReportSchema });
      if (submission.status !== "success") return json(submission.reply(), { status: 400 });
      await reportPost(context.db, user, submission.value);
      return redirect(`${back}?reported=1`);
    }
    if (intent === "follow" || intent === "unfollow") {
      const user = await requirePermission(context, request, "exchange:report");
      const submission = parseForm(formData, { schema: FollowSchema });
      if (submission.status !== "success") badRequest();
      await setFollowing(context.db, user, { threadId, follow: intent === "follow" });
      return redirect(back);
    }
    if (intent === "moderate" || intent === "move" || intent === "hidePost" || intent === "showPost") {
      const user = await requirePermission(context, request, "exchange:moderate");
      if (intent === "moderate") {
        const submission = parseForm(formData, { schema: ModerateThreadSchema });
        if (submission.status !== "success") badRequest();
        await moderateThread(context.db, user, { threadId, action: submission.value.action });
      } else if (intent === "move") {
        const submission = parseForm(formData, { schema: MoveThreadSchema });
        if (submission.status !== "success") badRequest();
        await moderateThread(context.db, user, { threadId, action: "move", topicKind: submission.value.topicKind, topicRef: submission.value.topicRef });
      } else {
        const submission = parseForm(formData, { schema: ModeratePostSchema });
        if (submission.status !== "success") badRequest();
        await moderatePost(context.db, user, { postId: submission.value.postId, hide: intent === "hidePost" });
      }
      return redirect(back);
    }
  } catch (error) {
    if (error instanceof NotVisibleError) notFound();
    throw error;
  }
  badRequest();
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.thread.title }] : []);

export default function ThreadPage() {
  const { language, thread, posts, hubCards, following, signedIn, mayPost, moderator } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation(["network", "common"]);
  const [form, fields] = useForm({ id: "reply", lastResult: lastResult && "status" in lastResult ? lastResult : undefined, shouldValidate: "onBlur", shouldRevalidate: "onInput" });
  const moderate = (action: string, label: string) => (
    <Form method="post" key={action} className="inline-form">
      <input type="hidden" name="intent" value="moderate" />
      <input type="hidden" name="action" value={action} />
      <button type="submit" className="button button--secondary">
        {label}
      </button>
    </Form>
  );
  return (
    <article className="container" aria-labelledby="thread-title">
      <p>
        <a href={`/${language}/exchange`}>{t("exchange.back")}</a>
      </p>
      <h1 id="thread-title" lang={thread.language}>
        {thread.title}
      </h1>
      <p>
        {t(`common:languages.${thread.language}`)} · {t(`exchange.topics.${thread.topic_kind}`)}
        {thread.topic_ref ? ` ${thread.topic_ref}` : ""}
        {thread.pinned ? ` · ${t("exchange.pinned")}` : ""}
        {thread.locked ? ` · ${t("exchange.locked")}` : ""}
        {thread.is_public ? ` · ${t("exchange.public")}` : ` · ${t("exchange.membersOnly")}`}
        {thread.hidden ? ` · ${t("exchange.hidden")}` : ""}
      </p>
      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
          <button type="submit" className="button button--secondary">
            {following ? t("exchange.unfollow") : t("exchange.follow")}
          </button>
        </Form>
      ) : null}
      {moderator ? (
        <section aria-labelledby="thread-moderation" className="panel">
          <h2 id="thread-moderation">{t("exchange.moderation")}</h2>
          <div className="actions">
            {moderate(thread.pinned ? "unpin" : "pin", thread.pinned ? t("exchange.unpin") : t("exchange.pin"))}
            {moderate(thread.locked ? "unlock" : "lock", thread.locked ? t("exchange.unlock") : t("exchange.lock"))}
            {moderate(thread.is_public ? "unpublish" : "publish", thread.is_public ? t("exchange.unpublish") : t("exchange.publish"))}
            {moderate(thread.hidden ? "unhide" : "hide", thread.hidden ? t("exchange.unhide") : t("exchange.hide"))}
          </div>
        </section>
      ) : null}
      <ol className="post-list">
        {posts.map((post) => (
          <li key={post.id} id={`post-${post.id}`} className={post.hidden ? "post post--hidden" : "post"}>
            <p className="post__meta">
              {post.author} · {formatDate(post.createdAt.slice(0, 10), language)}
              {post.hidden ? ` · ${t("exchange.hiddenPost")}` : ""}
              {post.reports > 0 ? ` · ${t("exchange.reports", { count: post.reports })}` : ""}
            </p>
            <div lang={thread.language}>
              <PostBody body={post.body} hubCards={hubCards} language={language} />
            </div>
            {moderator ? (
              <Form method="post">
                <input type="hidden" name="intent" value={post.hidden ? "showPost" : "hidePost"} />
                <input type="hidden" name="postId" value={post.id} />
                <button type="submit" className="button button--secondary" aria-label={post.hidden ? t("exchange.showPostLabel", { id: post.id }) : t("exchange.hidePostLabel", { id: post.id })}>
                  {post.hidden ? t("exchange.showPost") : t("exchange.hidePost")}
                </button>
              </Form>
            ) : signedIn && !post.hidden ? (
              <details>
                <summary>{t("exchange.report")}</summary>
                <Form method="post" className="form">
                  <input type="hidden" name="intent" value="report" />
                  <input type="hidden" name="postId" value={post.id} />
                  <label htmlFor={`report-${post.id}`}>{t("exchange.reportReason")}</label>
                  <input id={`report-${post.id}`} name="reason" required maxLength={500} />
                  <button type="submit" className="button button--secondary">
                    {t("exchange.sendReport")}
                  </button>
                </Form>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {mayPost && (!thread.locked || moderator) ? (
        <Form method="post" {...getFormProps(form)} className="form">
          <FormErrors id={form.errorId} errors={form.errors} />
          <input type="hidden" name="intent" value="reply" />
          <TextAreaField meta={fields.body} label={t("exchange.reply")} help={t("exchange.bodyHelp")} rows={5} />
          <button type="submit" className="button">
            {t("exchange.sendReply")}
          </button>
        </Form>
      ) : thread.locked ? (
        <p className="notice">{t("exchange.refused.locked")}</p>
      ) : null}
    </article>
  );
}
