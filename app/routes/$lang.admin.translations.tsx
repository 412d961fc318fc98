import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { listMissingTranslations } from "~/modules/proposals/translations.server";
import { languageParam } from "~/modules/http/params.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "hubs", "proposals", "review"] };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "admin:translations");
  const [hubs, t] = await Promise.all([listMissingTranslations(context.db), getTranslator(language)]);
  return json({ language, hubs, title: t("review:translations.title") });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function MissingTranslationsPage() {
  const { language, hubs } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["review", "proposals", "hubs", "common"]);
  return (
    <div className="container">
      <h1>{t("review:translations.title")}</h1>
      <p>{t("review:translations.lead")}</p>
      {hubs.length === 0 ? (
        <p>{t("review:translations.none")}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t("proposals:list.title")}</th>
              <th scope="col">{t("proposals:list.status")}</th>
              <th scope="col">{t("proposals:form.originalLanguage.label")}</th>
              <th scope="col">{t("review:translations.missing")}</th>
            </tr>
          </thead>
          <tbody>
            {hubs.map((hub) => (
              <tr key={hub.id}>
                <td lang={hub.originalLanguage}>
                  <Link to={`/${language}/review/${hub.id}`}>{hub.title}</Link>
                </td>
                <td>{t(`hubs:status.${hub.status}`)}</td>
                <td>{t(`common:languages.${hub.originalLanguage}`)}</td>
                <td>
                  <ul>
                    {hub.missing.map((entry) => (
                      <li key={entry.language}>
                        {t(`common:languages.${entry.language}`)}: {entry.fields.map((field) => t(`proposals:form.${field}.label`)).join(", ")}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
