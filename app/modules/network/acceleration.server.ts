import { sql, type Kysely, type Transaction } from "kysely";
import type { Database } from "../../../db/schema";
import { idArray } from "~/modules/hubs/hub-search.server";
import {
  elapsedShare,
  outcomeProgress,
  paceCounts,
  paceOf,
  type Pace,
} from "./impact";

type Db = Kysely<Database> | Transaction<Database>;

export interface HubAcceleration {
  /** Outcomes per pace. */
  counts: Record<Pace, number>;
  /** The HUB's pace as a whole: the mean progress of its measured outcomes against the timeline elapsed. */
  overall: Pace;
}

/**
 * Acceleration of several HUBs at once (the council dashboard's page, the annual report, an
 * open-data chunk), by the rules of `impact.ts` and with the values the HUB page uses: each
 * outcome's latest accepted report that carries a value or a milestone answer. Three indexed
 * queries whatever the number of HUBs; HUBs not in `hubIds` are never read.
 */
export async function accelerationByHub(
  db: Db,
  hubIds: number[],
  today: string
): Promise<Map<number, HubAcceleration>> {
  const result = new Map<number, HubAcceleration>();
  if (hubIds.length === 0) return result;
  const ids = idArray(hubIds);
  const [hubs, outcomes, latest] = await Promise.all([
    db
      .selectFrom("hubs")
      .select(["id", "start_date", "end_date"])
      .where(sql<boolean>`id = any(${ids})`)
      .execute(),
    db
      .selectFrom("hub_outcomes")
      .select(["id", "hub_id", "baseline", "target_value", "milestone"])
      .where(sql<boolean>`hub_id = any(${ids})`)
      .execute(),
    db
      .selectFrom("progress_update_outcomes as o")
      .innerJoin("progress_updates as u", "u.id", "o.update_id")
      .distinctOn("o.outcome_id")
      .select(["o.outcome_id", "o.value", "o.milestone_reached"])
      .where(sql<boolean>`u.hub_id = any(${ids})`)
      .where("u.status", "=", "accepted")
      .where((eb) =>
        eb.or([
          eb("o.value", "is not", null),
          eb("o.milestone_reached", "is not", null),
        ])
      )
      .orderBy("o.outcome_id")
      .orderBy("u.period_end", "desc")
      .orderBy("u.id", "desc")
      .execute(),
  ]);
  const reported = new Map(
    latest.map((row) => [
      row.outcome_id,
      {
        value: row.value === null ? null : Number(row.value),
        milestoneReached: row.milestone_reached,
      },
    ])
  );
  for (const hub of hubs) {
    const elapsed = elapsedShare(
      String(hub.start_date),
      String(hub.end_date),
      today
    );
    const progresses = outcomes
      .filter((outcome) => outcome.hub_id === hub.id)
      .map((outcome) =>
        outcomeProgress(
          {
            baseline:
              outcome.baseline === null ? null : Number(outcome.baseline),
            targetValue:
              outcome.target_value === null
                ? null
                : Number(outcome.target_value),
            milestone: outcome.milestone,
          },
          reported.get(outcome.id)
        )
      );
    const measured = progresses.filter(
      (progress): progress is number => progress !== null
    );
    result.set(hub.id, {
      counts: paceCounts(
        progresses.map((progress) => paceOf(progress, elapsed))
      ),
      overall: paceOf(
        measured.length
          ? measured.reduce((sum, progress) => sum + progress, 0) /
              measured.length
          : null,
        elapsed
      ),
    });
  }
  return result;
}

/** Outcomes per pace over the HUBs given (the network-wide figures). */
export function sumPaces(
  accelerations: Iterable<HubAcceleration>
): Record<Pace, number> {
  const total: Record<Pace, number> = {
    ahead: 0,
    on_track: 0,
    behind: 0,
    not_measured: 0,
  };
  for (const { counts } of accelerations)
    for (const pace of Object.keys(total) as Pace[])
      total[pace] += counts[pace];
  return total;
}
