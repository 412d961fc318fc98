import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createSession } from "~/modules/accounts/session.server";
import { ConfirmEmailSchema } from "~/modules/accounts/signup-confirm";
import { confirmEmail, confirmationValid } from "~/modules/accounts/signup.server";
import { parseForm } from "~/modules/forms/parse.server";
import { readFormData } from "~/modules/http/forms.server";
import { languageParam } from "~/modules/http/params.server";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { requirePermission } from "~/modules/permissions/permissions.server";

export const handle = { i18n: ["common", "accounts", "validation"] };

/** The link of the sign-up e-mail: a button confirms the address, signs the person in and opens their account. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const t = await getTranslator(language);
  const valid = await confirmationValid(context.db, params.token ?? "");
  return json({ language, valid, title: t("accounts:confirm.title") }, { status: valid ? 200 : 410 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "account:enter");
  const submission = parseForm(await readFormData(request), { schema: ConfirmEmailSchema });
  if (submission.status !== "success") return json({ language, valid: true, title: "" }, { status: 400 });
  const confirmed = await confirmEmail(context.db, params.token ?? "");
  if (!confirmed) return json({ language, valid: false, title: "" }, { status: 410 });
  const cookie = await createSession(context, confirmed.userId, request);
  throw redirect(`/${confirmed.language}/account?welcome=1`, { headers: { "Set-Cookie": cookie } });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? [{ title: data.title }] : []);

export default function ConfirmEmailPage() {
  const { language, valid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("accounts");
  return (
    <div className="container narrow">
      <h1>{t("confirm.title")}</h1>
      {valid ? (
        <Form method="post" className="form">
          <p>{t("confirm.lead")}</p>
          <input type="hidden" name="intent" value="confirm" />
          <div>
            <button type="submit" className="button">
              {t("confirm.submit")}
            </button>
          </div>
        </Form>
      ) : (
        <>
          <p>{t("confirm.invalid")}</p>
          <p>
            <Link to={`/${language}/login`}>{t("login.title")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
