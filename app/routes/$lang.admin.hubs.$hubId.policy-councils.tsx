import { json, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { idParam, languageParam } from "~/modules/http/params.server";
import { badRequest, notFound } from "~/modules/http/responses.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { HubPolicyCouncilsSchema } from "~/modules/network/network-schema";
import { findHubForCouncils, listHubPolicyCouncils, listPolicyCouncils, setHubPolicyCouncils } from "~/modules/network/policy-councils.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "network"] };

async function load(context: AppLoadContext, request: Request, params: { lang?: string; hubId?: string }) {
  const language = languageParam(params.lang);
  const user = await requirePermission(context, request, "network:councils");
  const hub = await findHubForCouncils(context.db, idParam(params.hubId), language);
  if (!hub) notFound();
  return { language, user, hub };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { language, hub } = await load(context, request, params);
  const [councils, linked, t] = await Promise.all([
    listPolicyCouncils(context.db, language),
    listHubPolicyCouncils(context.db, hub.id, language),
    getTranslator(language),
  ]);
  return json({ language, hub, councils, linked: linked.map((council) => council.id), title: t("network:councils.linkTitle", { hub: hub.title }) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { language, user, hub } = await load(context, request, params);
  const submission = parseForm(await readFormData(request), { schema: HubPolicyCouncilsSchema });
  // Checkboxes cannot be typed wrong: anything else is a forged post.
  if (submission.status !== "success") badRequest();
  await setHubPolicyCouncils(context.db, user.id, hub.id, submission.value.councilIds);
  return redirect(`/${language}/admin/hubs/${hub.id}/policy-councils?saved=1`);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function HubPolicyCouncilsPage() {
  const { language, hub, councils, linked, title } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("network");
  return (
    <div className="container narrow">
      <h1>{title}</h1>
      {searchParams.get("saved") === "1" ? (
        <p role="status" className="notice notice--success">
          {t("councils.saved")}
        </p>
      ) : null}
      <Form method="post" className="form">
        <fieldset>
          <legend>{t("councils.linkLegend")}</legend>
          {councils.map((council) => (
            <div key={council.id} className="field field--checkbox">
              <input type="checkbox" id={`council-${council.id}`} name="councilIds" value={council.id} defaultChecked={linked.includes(council.id)} />
              <label htmlFor={`council-${council.id}`}>{council.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("councils.save")}
        </button>
      </Form>
      <p>
        <Link to={`/${language}/review/${hub.id}`}>{t("councils.backToHub")}</Link>
      </p>
    </div>
  );
}
