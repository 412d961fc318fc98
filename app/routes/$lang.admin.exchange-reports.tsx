import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { badRequest, notFound } from "~/modules/http/responses.server";
import { formatDate } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listOpenReports, moderatePost } from "~/modules/network/exchange.server";
import { ModeratePostSchema } from "~/modules/network/network-schema";
import { NotVisibleError } from "~/modules/permissions/permissions";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network", "validation"] };

/** /{lang}/admin/exchange-reports: the exchange space's open reports, one entry per reported post, for the secretariat. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "exchange:moderate");
  const [reports, t] = await Promise.all([listOpenReports(context.db), getTranslator(language)]);
  const posts = new Map<number, { postId: number; threadId: number; threadTitle: string; body: string; reasons: { id: number; reason: string; reportedOn: string }[] }>();
  for (const report of reports) {
    const post = posts.get(report.post_id) ?? { postId: report.post_id, threadId: report.thread_id, threadTitle: report.title, body: report.body, reasons: [] };
    post.reasons.push({ id: report.id, reason: report.reason, reportedOn: new Date(report.created_at).toISOString().slice(0, 10) });
    posts.set(report.post_id, post);
  }
  return json({ language, posts: [...posts.values()], hidden: new URL(request.url).searchParams.get("hidden") === "1", title: t("network:exchangeReports.title") });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "exchange:moderate");
  const submission = parseForm(await readFormData(request), { schema: ModeratePostSchema });
  if (submission.status !== "success" || submission.value.intent !== "hidePost") badRequest();
  try {
    // Hiding the post resolves its reports (the exchange module).
    await moderatePost(context.db, user, { postId: submission.value.postId, hide: true });
  } catch (error) {
    if (error instanceof NotVisibleError) notFound();
    throw error;
  }
  return redirect(`/${language}/admin/exchange-reports?hidden=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ExchangeReportsPage() {
  const { language, posts, hidden } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["network", "common"]);
  return (
    <div className="container admin">
      <h1>{t("exchangeReports.title")}</h1>
      <p>{t("exchangeReports.lead")}</p>
      {hidden ? <p role="status">{t("exchangeReports.hidden")}</p> : null}
      {posts.length === 0 ? <p className="empty">{t("exchangeReports.empty")}</p> : (
      <ol className="post-list">
        {posts.map((post) => (
          <li key={post.postId} className="post">
            <h2 className="post__meta">
              <Link to={`/${language}/exchange/${post.threadId}#post-${post.postId}`}>{t("exchangeReports.postIn", { thread: post.threadTitle })}</Link>
            </h2>
            <blockquote>
              <p>{post.body}</p>
            </blockquote>
            <h3>{t("exchangeReports.reasons", { count: post.reasons.length })}</h3>
            <ul>
              {post.reasons.map((reason) => (
                <li key={reason.id}>
                  {formatDate(reason.reportedOn, language)}: {reason.reason}
                </li>
              ))}
            </ul>
            <Form method="post">
              <input type="hidden" name="intent" value="hidePost" />
              <input type="hidden" name="postId" value={post.postId} />
              <button type="submit" className="button button--secondary" aria-label={t("exchange.hidePostLabel", { id: post.postId })}>
                {t("exchange.hidePost")}
              </button>
            </Form>
          </li>
        ))}
      </ol>
      )}
    </div>
  );
}
