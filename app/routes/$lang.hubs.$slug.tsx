import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ClientOnly } from "remix-utils/client-only";
import { hubPageData } from "~/modules/hub-page/hub-page.server";
import { publicSdgGoals } from "~/modules/hubs/public-filter-options.server";
import { HubTimeline } from "~/modules/hubs/hub-timeline";
import { isoToday } from "~/modules/hubs/lifecycle";
import type { Language } from "~/modules/i18n/config";
import { languageParam, slugParam } from "~/modules/http/params.server";
import { notFound } from "~/modules/http/responses.server";
import { requirePermission } from "~/modules/permissions/permissions.server";
import { countryName, formatDate, formatNumber } from "~/modules/i18n/format";
import { getTranslator } from "~/modules/i18n/i18next.server";
import { hubMapLinks, LazyHubMap } from "~/modules/map/lazy-hub-map";
import { SdgChip } from "~/modules/sdg/sdg-chip";
import { OutcomeProgressChart } from "~/modules/progress/charts";
import { PublishedProgress } from "~/modules/progress/published-progress";
import { ChangeRequestTable } from "~/modules/proposals/change-request-table";
import { CommunicationPlan } from "~/modules/proposals/communication-plan";
import { ExternalLink } from "~/ui/external-link";
import { publicOrigin } from "~/modules/http/public-url.server";
import { HubLinks, HubNetworkSections } from "~/modules/network/hub-network-sections";
import { HubImpact } from "~/modules/network/hub-impact";

export const handle = { i18n: ["common", "hub", "hubs", "map", "monitoring", "network", "proposals"] };

export const links: LinksFunction = hubMapLinks;

/** The latest reported value of each outcome (by outcome position), from the newest accepted progress update that reports it. */
export interface OutcomeProgress {
  value: number | null;
  milestoneReached: boolean | null;
  note: string | null;
  reportedOn: string;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const language = languageParam(params.lang);
  await requirePermission(context, request, "public:read");
  const today = isoToday();
  // The HUB; its published (accepted) progress updates, newest first (monitoring); the communication
  // plan and the changes approved since recognition (proposals); Policy Councils, label kit and
  // synchronisation (network): one statement.
  const [page, goals, t] = await Promise.all([
    hubPageData(context, request, { slug: slugParam(params.slug), language, today }),
    publicSdgGoals(context.db, language),
    getTranslator(language),
  ]);
  if (!page) notFound();
  const { hub, progress: { updates, series: progressSeries }, details, network } = page;
  const latestProgress: Record<number, OutcomeProgress> = {};
  for (const outcome of hub.outcomes) {
    for (const update of updates) {
      const reported = update.outcomes.find((value) => value.outcomeId === outcome.id);
      if (reported && (reported.value !== null || reported.milestoneReached !== null)) {
        latestProgress[outcome.position] = { value: reported.value, milestoneReached: reported.milestoneReached, note: reported.comment, reportedOn: update.periodEnd };
        break;
      }
    }
  }
  const origin = publicOrigin(context.env);
  // Internal ids stay on the server.
  const { id: _id, outcomes, ...publicFields } = hub;
  return json({
    language,
    today,
    hub: { ...publicFields, outcomes: outcomes.map(({ id: _outcomeId, ...outcome }) => outcome) },
    updates,
    communication: details?.communication ?? { channels: null, events: [], documents: [] },
    approvedChanges: details?.changes ?? [],
    // Outcome ids are internal: the chart numbers its lines by position instead.
    progressChart: progressSeries.map((series, index) => ({ ...series, outcomeId: index + 1 })),
    // Only the HUB's own goals travel to the page: its chips and its marker's colour use no other.
    goals: goals.filter((goal) => hub.goals.some((own) => own.number === goal.number)),
    latestProgress,
    network,
    permalink: `${origin}/${language}/hubs/${hub.slug}`,
    tileUrl: context.env.MAP_TILE_URL,
    tileAttribution: context.env.MAP_TILE_ATTRIBUTION,
    siteName: t("siteName"),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [];
  const title = `${data.hub.texts.title} · ${data.siteName}`;
  return [
    { title },
    { name: "description", content: data.hub.texts.summary },
    { property: "og:type", content: "article" },
    { property: "og:title", content: data.hub.texts.title },
    { property: "og:description", content: data.hub.texts.summary },
    { property: "og:url", content: data.permalink },
    { property: "og:locale", content: { en: "en_GB", es: "es_ES", fr: "fr_FR" }[data.language] },
    { name: "twitter:card", content: "summary" },
    { tagName: "link", rel: "canonical", href: data.permalink },
  ];
};

export default function HubPage() {
  const { language, today, hub, goals, latestProgress, updates, communication, approvedChanges, progressChart, network, permalink, tileUrl, tileAttribution } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation(["map", "hubs", "common"]);
  const goalByNumber = new Map(goals.map((goal) => [goal.number, goal]));
  const langOf = (field: keyof typeof hub.textLanguages) => hub.textLanguages[field];
  const untranslated = (Object.keys(hub.textLanguages) as (keyof typeof hub.textLanguages)[]).some(
    (field) => hub.textLanguages[field] !== language && hub.texts[field]
  );
  const originalName = t(`common:languages.${hub.originalLanguage}`);
  const primaryGoal = hub.goals.find((goal) => goal.isPrimary)?.number ?? hub.goals[0]?.number ?? 0;
  const textSection = (field: "description" | "localGlobalLink" | "acceleration" | "synchronisation", heading: string) =>
    hub.texts[field] ? (
      <section className="hub-page__section" aria-labelledby={`hub-${field}`}>
        <h2 id={`hub-${field}`}>{heading}</h2>
        <div lang={langOf(field)} className="hub-page__text">
          {hub.texts[field]!.split(/\n{2,}/).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      </section>
    ) : null;

  return (
    <article className="container hub-page" aria-labelledby="hub-title">
      <p className="hub-page__label">{t("hub:label")}</p>
      <h1 id="hub-title" lang={langOf("title")}>
        {hub.texts.title}
      </h1>
      <p className="hub-page__summary" lang={langOf("summary")}>
        {hub.texts.summary}
      </p>
      {untranslated ? <p className="hub-page__original-language notice">{t("hub:originalLanguage", { language: originalName })}</p> : null}

      <dl className="hub-page__facts">
        <div>
          <dt>{t("hub:status")}</dt>
          <dd>
            <span className={`status status--${hub.status}`}>{t(`hubs:status.${hub.status}`)}</span>
          </dd>
        </div>
        <div>
          <dt>{t("hub:lead")}</dt>
          <dd>
            {hub.lead.name} ({hub.lead.city}, {countryName(hub.lead.countryCode, language)}) · {t(`map:regions.${hub.lead.region}`)}
          </dd>
        </div>
        {hub.theme ? (
          <div>
            <dt>{t("hub:theme")}</dt>
            <dd>{hub.theme.name}</dd>
          </div>
        ) : null}
        {hub.recognisedAt ? (
          <div>
            <dt>{t("hub:recognisedOn")}</dt>
            <dd>{formatDate(hub.recognisedAt.slice(0, 10), language, "long")}</dd>
          </div>
        ) : null}
        {hub.website ? (
          <div>
            <dt>{t("hub:website")}</dt>
            <dd>
              <ExternalLink href={hub.website} />
            </dd>
          </div>
        ) : null}
      </dl>

      <section className="hub-page__section" aria-labelledby="hub-timeline">
        <h2 id="hub-timeline">{t("hub:timelineTitle")}</h2>
        <HubTimeline start={hub.startDate} end={hub.endDate} today={today} language={language} />
      </section>

      <section className="hub-page__section" aria-labelledby="hub-sdgs">
        <h2 id="hub-sdgs">{t("hub:goals")}</h2>
        <ul className="sdg-chips">
          {hub.goals.map((goal) => {
            const sdg = goalByNumber.get(goal.number);
            return sdg ? (
              <li key={goal.number}>
                <SdgChip goal={sdg} primary={goal.isPrimary} />
              </li>
            ) : null;
          })}
        </ul>
        {hub.targets.length > 0 ? (
          <>
            <h3>{t("hub:targets")}</h3>
            <ul className="sdg-targets">
              {hub.targets.map((target) => (
                <li key={target.id}>
                  <strong>{t("hub:targetCode", { id: target.id })}</strong> {target.title}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {textSection("description", t("hub:description"))}
      {textSection("localGlobalLink", t("hub:localGlobalLink"))}
      {textSection("acceleration", t("hub:acceleration"))}

      <section className="hub-page__section" aria-labelledby="hub-outcomes">
        <h2 id="hub-outcomes">{t("hub:outcomes")}</h2>
        {hub.outcomes.length === 0 ? <p>{t("hub:noOutcomes")}</p> : null}
        <ol className="hub-outcomes">
          {hub.outcomes.map((outcome) => {
            const progress = latestProgress[outcome.position];
            return (
              <li key={outcome.position} className="hub-outcome">
                <p className="hub-outcome__statement" lang={hub.originalLanguage}>
                  {outcome.statement}
                </p>
                <dl className="hub-outcome__facts">
                  <div>
                    <dt>{t("hub:indicator")}</dt>
                    <dd lang={hub.originalLanguage}>{outcome.indicator}</dd>
                  </div>
                  {outcome.baseline !== null ? (
                    <div>
                      <dt>{t("hub:baseline")}</dt>
                      <dd>
                        {formatNumber(outcome.baseline, language)} {outcome.unit ?? ""}
                      </dd>
                    </div>
                  ) : null}
                  {outcome.targetValue !== null ? (
                    <div>
                      <dt>{t("hub:targetValue")}</dt>
                      <dd>
                        {formatNumber(outcome.targetValue, language)} {outcome.unit ?? ""}
                      </dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>{t("hub:dueDate")}</dt>
                    <dd>{formatDate(outcome.dueDate, language)}</dd>
                  </div>
                  <div className="hub-outcome__progress">
                    <dt>{t("hub:latestProgress")}</dt>
                    <dd>
                      {progress ? (
                        <>
                          {progress.value !== null ? `${formatNumber(progress.value, language)} ${outcome.unit ?? ""} · ` : ""}
                          {formatDate(progress.reportedOn, language)}
                          {progress.note ? ` · ${progress.note}` : ""}
                        </>
                      ) : (
                        t("hub:noProgress")
                      )}
                    </dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ol>
      </section>

      {approvedChanges.length > 0 ? (
        <section className="hub-page__section" aria-labelledby="hub-changes">
          <h2 id="hub-changes">{t("hub:changesSinceRecognition")}</h2>
          {approvedChanges.map((change) => (
            <ChangeRequestTable
              key={change.id}
              request={{ id: change.id, status: "approved", createdAt: change.decidedAt ?? today, comment: null, changes: change.changes }}
              language={language}
            />
          ))}
        </section>
      ) : null}

      {communication.channels || communication.events.length > 0 || communication.documents.length > 0 ? (
        <section className="hub-page__section" aria-labelledby="hub-communication">
          <h2 id="hub-communication">{t("hub:communication")}</h2>
          <CommunicationPlan plan={communication} language={language} eventsHeading={t("hub:events")} documentsHeading={t("hub:documents")} />
        </section>
      ) : null}

      <section className="hub-page__section" aria-labelledby="hub-progress">
        <h2 id="hub-progress">{t("hub:progressUpdates")}</h2>
        {progressChart.some((series) => series.points.length > 0) ? <OutcomeProgressChart outcomes={progressChart} language={language} /> : null}
        <PublishedProgress updates={updates} language={language} />
      </section>

      <section className="hub-page__section" aria-labelledby="hub-places">
        <h2 id="hub-places">{t("hub:places")}</h2>
        <LazyHubMap
          fallback={<div className="hub-map hub-map--small hub-map--fallback" />}
          className="hub-map hub-map--small"
          label={t("hub:placesMap")}
          language={language}
          query=""
          goals={goals}
          view={{ latitude: hub.latitude, longitude: hub.longitude, zoom: hub.participants.length ? 3 : 5 }}
          tileUrl={tileUrl}
          tileAttribution={tileAttribution}
          single={{ slug: hub.slug, title: hub.texts.title, latitude: hub.latitude, longitude: hub.longitude, goal: primaryGoal }}
          extraPoints={hub.participants.map((participant) => ({
            name: participant.city,
            latitude: participant.latitude,
            longitude: participant.longitude,
          }))}
        />
        {hub.participants.length > 0 ? (
          <>
            <h3>{t("hub:participants")}</h3>
            <ul>
              {hub.participants.map((participant) => (
                <li key={participant.name}>
                  {participant.name} ({participant.city}, {countryName(participant.countryCode, language)})
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t("hub:noParticipants")}</p>
        )}
        {hub.partners.length > 0 ? (
          <>
            <h3>{t("hub:partners")}</h3>
            <ul>
              {hub.partners.map((partner) => (
                <li key={partner}>{partner}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="hub-page__section" aria-labelledby="hub-synchronised">
        <h2 id="hub-synchronised">{t("hub:synchronised")}</h2>
        {hub.texts.synchronisation ? (
          <p lang={langOf("synchronisation")} className="hub-page__text">
            {hub.texts.synchronisation}
          </p>
        ) : null}
        {network.links.length === 0 ? <p>{t("hub:noSynchronised")}</p> : null}
        <HubLinks network={network} language={language} hubSlug={hub.slug} />
      </section>

      <HubImpact
        outcomes={hub.outcomes}
        latest={latestProgress}
        startDate={hub.startDate}
        endDate={hub.endDate}
        today={today}
        synchronisation={network.synchronisation}
        language={language}
        originalLanguage={hub.originalLanguage}
      />
      <HubNetworkSections network={network} language={language} />

      <footer className="hub-page__footer">
        <p>
          {t("hub:permalink")}: <a href={permalink}>{permalink}</a>
        </p>
        <p className="no-print">
          <a href={`/api/hubs/${hub.slug}.json?lang=${language}`}>{t("hub:json")}</a> · <a href={`/${language}`}>{t("hub:backToMap")}</a>
          <ClientOnly>
            {() => (
              <>
                {" · "}
                <button type="button" className="button--link" onClick={() => window.print()}>
                  {t("hub:print")}
                </button>
              </>
            )}
          </ClientOnly>
        </p>
        <p className="hub-page__label">{t("hub:label")}</p>
      </footer>
    </article>
  );
}

export type { Language };
