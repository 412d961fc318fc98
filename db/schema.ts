/**
 * The Database interface: one source of truth for table shapes, used by every query.
 * Dates (SQL `date`) come back as 'YYYY-MM-DD' strings on both drivers (see db/drivers.ts).
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type Language = "en" | "es" | "fr";
export type WorldRegion =
  | "africa"
  | "asia_pacific"
  | "eurasia"
  | "europe"
  | "latin_america"
  | "middle_east_west_asia"
  | "north_america";
export type OrganisationKind = "local_government" | "regional_government" | "association";
export type UserRole = "city" | "council" | "secretariat";
export type HubStatus =
  | "draft"
  | "submitted"
  | "changes_requested"
  | "recognised"
  | "declined"
  | "completed"
  | "withdrawn";

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** 'YYYY-MM-DD' */
type DateString = string;

export interface SdgGoalTable {
  number: number;
  code: string;
  color: string;
  text_color: string;
  short_en: string;
  short_es: string;
  short_fr: string;
  title_en: string;
  title_es: string;
  title_fr: string;
}

export interface SdgTargetTable {
  id: string;
  goal: number;
  position: number;
  title_en: string;
  title_es: string;
  title_fr: string;
}

export interface ThemeTable {
  id: Generated<number>;
  slug: string;
  name_en: string;
  name_es: string;
  name_fr: string;
  position: number;
}

export interface OrganisationTable {
  id: Generated<number>;
  name: string;
  kind: OrganisationKind;
  country_code: string;
  region: WorldRegion;
  city: string;
  latitude: number;
  longitude: number;
  verified_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface UserTable {
  id: Generated<number>;
  email: string;
  password_hash: string;
  display_name: string;
  role: UserRole;
  organisation_id: number | null;
  preferred_language: Language;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface HubTable {
  id: Generated<number>;
  slug: string;
  status: HubStatus;
  lead_organisation_id: number;
  original_language: Language;
  theme_id: number | null;
  latitude: number;
  longitude: number;
  start_date: DateString;
  end_date: DateString;
  contact_email: string | null;
  website: string | null;
  /** Optimistic concurrency: every update bumps it and checks the one the form was loaded with. */
  version: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  recognised_at: Timestamp | null;
  completed_at: Timestamp | null;
}

/** One row per HUB and language; the original language's row carries every required text. A null field is a missing translation. */
export interface HubTranslationTable {
  hub_id: number;
  language: Language;
  title: string | null;
  summary: string | null;
  description: string | null;
  local_global_link: string | null;
  acceleration: string | null;
  synchronisation: string | null;
  updated_at: Timestamp;
}

export interface HubGoalTable {
  hub_id: number;
  goal: number;
  is_primary: boolean;
}

export interface HubTargetTable {
  hub_id: number;
  target_id: string;
}

export interface HubParticipantTable {
  hub_id: number;
  organisation_id: number;
}

export interface HubOutcomeTable {
  id: Generated<number>;
  hub_id: number;
  position: number;
  statement: string;
  indicator: string;
  baseline: number | null;
  target_value: number | null;
  unit: string | null;
  milestone: string | null;
  due_date: DateString;
}

export interface HubPartnerTable {
  id: Generated<number>;
  hub_id: number;
  position: number;
  name: string;
}

export interface HubSynchronisationTable {
  hub_id: number;
  other_hub_id: number;
}

export interface SessionTable {
  token_hash: string;
  user_id: number;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  user_agent: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  body_text: string;
  /** What the message is about, e.g. "invitation", "password_reset", "report_due". */
  kind: string;
  language: Language;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  error: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** "hub", "progress_update", "organisation", "user" … */
  entity: string;
  entity_id: number;
  hub_id: number | null;
  actor_user_id: number | null;
  /** "submit", "recognise", "review", … */
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  at: CreatedAt;
}

export interface Database {
  sdg_goals: SdgGoalTable;
  sdg_targets: SdgTargetTable;
  themes: ThemeTable;
  organisations: OrganisationTable;
  users: UserTable;
  hubs: HubTable;
  hub_translations: HubTranslationTable;
  hub_goals: HubGoalTable;
  hub_targets: HubTargetTable;
  hub_participants: HubParticipantTable;
  hub_outcomes: HubOutcomeTable;
  hub_partners: HubPartnerTable;
  hub_synchronisations: HubSynchronisationTable;
  sessions: SessionTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  hub_search: HubSearchTable;
  public_data_version: PublicDataVersionTable;
}

export type Hub = Selectable<HubTable>;
export type NewHub = Insertable<HubTable>;
export type HubUpdate = Updateable<HubTable>;
export type Organisation = Selectable<OrganisationTable>;
export type User = Selectable<UserTable>;

/** Maintained by a trigger on hub_translations (migration 030): never write it directly. */
export interface HubSearchTable {
  hub_id: number;
  language: Language;
  document: string;
}

/** Bumped by statement triggers on every table the public pages read (migration 030). */
export interface PublicDataVersionTable {
  id: number;
  version: number;
}
