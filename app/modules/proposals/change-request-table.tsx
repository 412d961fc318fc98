import { useTranslation } from "react-i18next";
import type { Language } from "~/modules/i18n/config";
import { formatDate } from "~/modules/i18n/format";

export interface ChangeRequestView {
  id: number;
  status: string;
  createdAt: string;
  comment: string | null;
  /** From `listChangeRequests` (change-requests.server.ts) or, on the public page, `diffBaselines`. */
  changes: { field: string; language?: Language; index?: number; before: string; after: string }[];
}

const DATE_FIELDS = new Set(["startDate", "endDate"]);

/** What a change request changes on the public HUB page: each field (a text in each language) before and after, in the reader's labels. */
export function ChangeRequestTable({ request, language }: { request: ChangeRequestView; language: Language }) {
  const { t } = useTranslation(["proposals", "common"]);
  const pending = request.status === "pending";
  const label = (change: ChangeRequestView["changes"][number]) => {
    if (change.field === "outcome") return t("changes.outcome", { number: (change.index ?? 0) + 1 });
    if (change.field === "primaryGoal") return t("changes.primaryGoal");
    const field = t(`form.${change.field}.label`);
    return change.language ? `${field} (${t(`common:languages.${change.language}`)})` : field;
  };
  const value = (field: string, text: string) => {
    if (DATE_FIELDS.has(field)) return formatDate(text, language);
    if (field === "originalLanguage") return t(`common:languages.${text}`);
    return text;
  };
  return (
    <div className="change-request">
      <p>
        {t("changes.requestedOn", { date: formatDate(request.createdAt, language) })} · {t(`changes.status.${request.status}`)}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">{t("changes.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("changes.field")}</th>
            <th scope="col">{pending ? t("changes.published") : t("changes.before")}</th>
            <th scope="col">{pending ? t("changes.proposed") : t("changes.after")}</th>
          </tr>
        </thead>
        <tbody>
          {request.changes.map((change, index) => (
            <tr key={index}>
              <th scope="row">{label(change)}</th>
              <td className="preserve-lines" lang={change.language}>
                {change.before ? <del>{value(change.field, change.before)}</del> : "—"}
              </td>
              <td className="preserve-lines" lang={change.language}>
                {change.after ? <ins>{value(change.field, change.after)}</ins> : "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {request.comment ? <blockquote className="preserve-lines">{request.comment}</blockquote> : null}
    </div>
  );
}
