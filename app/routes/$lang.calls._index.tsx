import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicCalls } from "~/modules/calls/calls.server";
import { CallList } from "~/modules/calls/call-view";
import { languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "calls"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const [calls, t] = await Promise.all([listPublicCalls(context.db, language, new Date()), getTranslator(language)]);
  return json({ language, calls, title: `${t("calls:public.title")} · ${t("siteName")}` });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function CallsPage() {
  const { language, calls } = useLoaderData<typeof loader>();
  const { t } = useTranslation("calls");
  return (
    <div className="container">
      <h1>{t("public.title")}</h1>
      <p className="lead">{t("public.lead")}</p>
      <p>
        <a href={`/${language}/calls/feed.xml`}>{t("public.feed")}</a>
      </p>
      <section aria-labelledby="calls-open">
        <h2 id="calls-open">{t("public.open")}</h2>
        {calls.open.length ? <CallList calls={calls.open} language={language} /> : <p>{t("public.noneOpen")}</p>}
      </section>
      <section aria-labelledby="calls-upcoming">
        <h2 id="calls-upcoming">{t("public.upcoming")}</h2>
        {calls.upcoming.length ? <CallList calls={calls.upcoming} language={language} /> : <p>{t("public.noneUpcoming")}</p>}
      </section>
      <section aria-labelledby="calls-past">
        <h2 id="calls-past">{t("public.past")}</h2>
        {calls.past.length ? <CallList calls={calls.past} language={language} /> : <p>{t("public.nonePast")}</p>}
      </section>
    </div>
  );
}
