import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listPublicHubs } from "~/modules/hubs/public-hubs.server";
import { HubList } from "~/modules/hubs/hub-list";
import { isoToday } from "~/modules/hubs/status";
import { isLanguage } from "~/modules/i18n/config";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listSdgGoals } from "~/modules/sdg/sdg.server";

export const handle = { i18n: ["common", "hubs"] };

export async function loader({ params, context }: LoaderFunctionArgs) {
  if (!isLanguage(params.lang)) throw new Response("Not found", { status: 404 });
  const language = params.lang;
  const [hubs, goals, t] = await Promise.all([
    listPublicHubs(context.db, { language, today: isoToday() }),
    listSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  return json({ language, hubs, goals, meta: { title: t("home.metaTitle"), description: t("home.metaDescription") } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.meta.title }, { name: "description", content: data.meta.description }] : [];

export default function HomePage() {
  const { language, hubs, goals } = useLoaderData<typeof loader>();
  const { t } = useTranslation("common");
  return (
    <div className="container home">
      <section className="intro" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
      </section>
      <section aria-labelledby="hub-list-title">
        <h2 id="hub-list-title">{t("home.listTitle", { count: hubs.length })}</h2>
        <HubList hubs={hubs} goals={goals} language={language} />
      </section>
    </div>
  );
}
