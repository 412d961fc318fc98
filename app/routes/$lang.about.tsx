import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import mapStyles from "~/styles/map.css";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";

export const handle = { i18n: ["common", "opendata"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mapStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const t = await getTranslator(language);
  return json({ language, title: `${t("opendata:about.title")} · ${t("siteName")}` });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

const SOURCES = ["uclg", "naturalEarth", "geonames", "sdg", "software"] as const;

export default function AboutPage() {
  const { language } = useLoaderData<typeof loader>();
  const { t } = useTranslation("opendata");
  return (
    <div className="container prose about">
      <h1>{t("about.title")}</h1>
      <p className="lead">{t("about.lead")}</p>
      <h2>{t("about.sourcesTitle")}</h2>
      <dl className="credits">
        {SOURCES.map((source) => (
          <div key={source}>
            <dt>{t(`about.sources.${source}.name`)}</dt>
            <dd>{t(`about.sources.${source}.body`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href={`/${language}/open-data`}>{t("about.openData")}</a>
      </p>
    </div>
  );
}
