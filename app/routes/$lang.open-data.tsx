import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import mapStyles from "~/styles/map.css";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FILTER_KEYS } from "~/modules/hubs/hub-filters";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { OPEN_DATA_FIELDS } from "~/modules/opendata/fields";

export const handle = { i18n: ["common", "opendata"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: mapStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const t = await getTranslator(language);
  return json({ language, title: `${t("opendata:title")} · ${t("siteName")}`, description: t("opendata:lead") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: "description", content: data.description }] : [];

export default function OpenDataPage() {
  const { language } = useLoaderData<typeof loader>();
  const { t } = useTranslation("opendata");
  return (
    <div className="container prose open-data">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <h2>{t("endpoints.title")}</h2>
      <dl className="endpoints">
        <dt>
          <a href={`/api/hubs.geojson?lang=${language}`}>
            <code>GET /api/hubs.geojson</code>
          </a>
        </dt>
        <dd>{t("endpoints.geojson")}</dd>
        <dt>
          <a href={`/api/hubs.csv?lang=${language}`}>
            <code>GET /api/hubs.csv</code>
          </a>
        </dt>
        <dd>{t("endpoints.csv")}</dd>
        <dt>
          <code>GET /api/hubs/{"{slug}"}.json</code>
        </dt>
        <dd>{t("endpoints.json")}</dd>
        <dt>
          <a href={`/${language}/feed.xml`}>
            <code>GET /{language}/feed.xml</code>
          </a>
        </dt>
        <dd>{t("endpoints.feed")}</dd>
        <dt>
          <code>/{language}/embed</code>
        </dt>
        <dd>
          {t("endpoints.embed")}
          <pre>
            <code>{`<iframe src="/${language}/embed?sdg=11" title="Local4Action HUBs" width="800" height="500"></iframe>`}</code>
          </pre>
        </dd>
      </dl>

      <h2>{t("parameters.title")}</h2>
      <p>{t("parameters.lead")}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t("parameters.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("parameters.name")}</th>
            <th scope="col">{t("parameters.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <code>lang</code>
            </th>
            <td>{t("parameters.lang")}</td>
          </tr>
          {FILTER_KEYS.map((key) => (
            <tr key={key}>
              <th scope="row">
                <code>{key}</code>
              </th>
              <td>{t(`parameters.${key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("fields.heading")}</h2>
      <p>{t("fields.lead")}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t("fields.heading")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.name")}</th>
            <th scope="col">{t("fields.meaning")}</th>
          </tr>
        </thead>
        <tbody>
          {OPEN_DATA_FIELDS.map((field) => (
            <tr key={field}>
              <th scope="row">
                <code>{field}</code>
              </th>
              <td>{t(`fields.about.${field}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("caching.title")}</h2>
      <p>{t("caching.body")}</p>

      <h2>{t("licence.title")}</h2>
      <p>{t("licence.body")}</p>
      <p>
        <a href={`/${language}/about`}>{t("licence.credits")}</a>
      </p>
    </div>
  );
}
