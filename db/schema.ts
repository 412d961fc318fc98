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
  /** Base32 TOTP secret; set but not enabled while the account is enrolling. */
  totp_secret: string | null;
  totp_enabled_at: Timestamp | null;
  /** The time step of the last accepted code: a code of that step or earlier is refused (no replay). */
  totp_last_step: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  last_login_at: Timestamp | null;
  /** Null until a self-registered account follows its confirmation link (defaults to now for every other account). */
  email_confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  email_confirm_token_hash: string | null;
  email_confirm_expires_at: Timestamp | null;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  /** SHA-256 of the normalised code. */
  code_hash: string;
  created_at: CreatedAt;
  used_at: Timestamp | null;
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
  /** Communication plan: channels (free text, migration 020). */
  communication_channels: ColumnType<string | null, string | null | undefined, string | null>;
  /** The call for proposals the proposal answers (migration 140). */
  call_id: ColumnType<number | null, number | null | undefined, number | null>;
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
  /** Password given, second-factor code awaited: the session opens no page yet. */
  two_factor_pending: Generated<boolean>;
  /** When a code was last given in this session (sign-in or step-up). */
  two_factor_at: Timestamp | null;
  ip: string | null;
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
  /** The token of the sign-in link in body_text (which holds a placeholder): kept only until the message is sent or the token expires. */
  link_token: string | null;
  link_expires_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** "hub", "progress_update", "organisation", "user" … */
  entity: string;
  /** Null for events about no row (a failed log-in to an unknown account, a refused request). */
  entity_id: number | null;
  /** A plain column, not a key: the history outlives the HUB. */
  hub_id: number | null;
  actor_user_id: number | null;
  /** "submit", "recognise", "review", … */
  action: string;
  from_status: string | null;
  to_status: string | null;
  comment: string | null;
  at: CreatedAt;
  ip: string | null;
  user_agent: string | null;
}

/** A fixed-window counter of one rate limit (app/modules/http/rate-limit.server.ts). */
export interface RateLimitTable {
  /** "<rule>:<subject>", e.g. "signup:ip:203.0.113.7". */
  bucket: string;
  window_started_at: Timestamp;
  hits: number;
}

export type MembershipStatus = "pending" | "approved" | "refused";

/** A representative's request to join an existing organisation; users.organisation_id is set only on approval. */
export interface MembershipRequestTable {
  id: Generated<number>;
  user_id: number;
  organisation_id: number;
  status: ColumnType<MembershipStatus, MembershipStatus | undefined, MembershipStatus>;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
  decided_by: number | null;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  /** As typed, lower-cased (the account may not exist). */
  email: string;
  ip: string;
  succeeded: boolean;
  at: ColumnType<Date, Date | string | undefined, never>;
}

export interface PasswordResetTokenTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export type InvitedRole = "council" | "secretariat";

export interface InvitationTable {
  id: Generated<number>;
  email: string;
  role: InvitedRole;
  language: Language;
  token_hash: string;
  invited_by: number | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_user_id: number | null;
}

export interface HubEventTable {
  id: Generated<number>;
  hub_id: number;
  position: number;
  name: string;
  event_date: DateString;
}

export interface HubDocumentTable {
  id: Generated<number>;
  hub_id: number;
  position: number;
  title: string;
  /** http:// or https:// only, at most 2,048 characters (checked by the form and the table, migration 070). */
  url: string;
}

export type ReviewRecommendation = "recognise" | "changes" | "decline";

export interface HubReviewTable {
  id: Generated<number>;
  hub_id: number;
  reviewer_id: number;
  recommendation: ReviewRecommendation;
  comment: string;
  created_at: CreatedAt;
}

/** A change to a recognised HUB's outcomes or timeline, decided by the secretariat. baseline/proposed: JSON text. */
export interface HubChangeRequestTable {
  id: Generated<number>;
  hub_id: number;
  status: "pending" | "approved" | "rejected";
  baseline: string;
  proposed: string;
  requested_by: number | null;
  created_at: CreatedAt;
  decided_by: number | null;
  decided_at: Timestamp | null;
  decision_comment: string | null;
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
  recovery_codes: RecoveryCodeTable;
  outbox: OutboxTable;
  audit_log: AuditLogTable;
  rate_limits: RateLimitTable;
  hub_search: HubSearchTable;
  search_reference: SearchReferenceTable;
  hub_search_filing: HubSearchFilingTable;
  hub_lexeme_postings: HubLexemePostingTable;
  hub_search_filing_postings: HubSearchFilingPostingTable;
  public_data_version: PublicDataVersionTable;
  membership_requests: MembershipRequestTable;
  login_attempts: LoginAttemptTable;
  password_reset_tokens: PasswordResetTokenTable;
  invitations: InvitationTable;
  hub_report_schedules: HubReportScheduleTable;
  progress_updates: ProgressUpdateTable;
  progress_update_translations: ProgressUpdateTranslationTable;
  progress_update_outcomes: ProgressUpdateOutcomeTable;
  progress_update_activities: ProgressUpdateActivityTable;
  progress_update_evidence: ProgressUpdateEvidenceTable;
  notifications: NotificationTable;
  job_runs: JobRunTable;
  hub_events: HubEventTable;
  hub_documents: HubDocumentTable;
  hub_reviews: HubReviewTable;
  hub_change_requests: HubChangeRequestTable;
  calls: CallTable;
  call_translations: CallTranslationTable;
  call_criteria: CallCriterionTable;
  call_themes: CallThemeTable;
  call_goals: CallGoalTable;
  call_documents: CallDocumentTable;
  call_assignments: CallAssignmentTable;
  call_scores: CallScoreTable;
  policy_councils: PolicyCouncilTable;
  hub_policy_councils: HubPolicyCouncilTable;
  hub_sync_requests: HubSyncRequestTable;
  hub_joint_products: HubJointProductTable;
  network_events: NetworkEventTable;
  network_event_hubs: NetworkEventHubTable;
  exchange_threads: ExchangeThreadTable;
  exchange_posts: ExchangePostTable;
  exchange_reports: ExchangeReportTable;
  exchange_follows: ExchangeFollowTable;
  hub_reporting_state: HubReportingStateTable;
  hub_public_versions: HubPublicVersionTable;
  public_reference_version: PublicDataVersionTable;
  hub_export_text: HubExportTextTable;
  export_reference_version: PublicDataVersionTable;
}

// --- Calls for proposals (migration 140, app/modules/calls) ---
/** A call for proposals; its state is derived (app/modules/calls/call-lifecycle.ts), never stored. */
export interface CallTable {
  id: Generated<number>;
  slug: string;
  original_language: Language;
  standing: Generated<boolean>;
  /** False: a draft only the secretariat sees; true: scheduled, then open and closed by its times. */
  published: Generated<boolean>;
  opens_at: Timestamp;
  /** Null only for the standing call. */
  closes_at: Timestamp | null;
  max_timeline_years: Generated<number>;
  eligible_kinds: ColumnType<OrganisationKind[], OrganisationKind[] | undefined, OrganisationKind[]>;
  results_published_at: Timestamp | null;
  /** Set by the one job run that queued the opening announcement. */
  announced_at: Timestamp | null;
  /** Set by the one job run that queued the results notices. */
  results_notified_at: Timestamp | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CallTranslationTable {
  call_id: number;
  language: Language;
  title: string | null;
  summary: string | null;
  body: string | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CallCriterionTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  title_en: string | null;
  title_es: string | null;
  title_fr: string | null;
}

export interface CallThemeTable {
  call_id: number;
  theme_id: number;
}

export interface CallGoalTable {
  call_id: number;
  goal: number;
}

export interface CallDocumentTable {
  id: Generated<number>;
  call_id: number;
  position: number;
  title: string;
  url: string;
}

export interface CallAssignmentTable {
  hub_id: number;
  reviewer_id: number;
  assigned_by: number | null;
  assigned_at: CreatedAt;
  /** Declared (or confirmed) by the member: their scores are then not counted. */
  conflict: Generated<boolean>;
  conflict_note: string | null;
  recommendation: ReviewRecommendation | null;
  comment: string | null;
  scored_at: Timestamp | null;
}

export interface CallScoreTable {
  hub_id: number;
  reviewer_id: number;
  criterion_id: number;
  score: number;
  comment: Generated<string>;
}

export type Hub = Selectable<HubTable>;
export type NewHub = Insertable<HubTable>;
export type HubUpdate = Updateable<HubTable>;
export type Organisation = Selectable<OrganisationTable>;
export type User = Selectable<UserTable>;

/** Maintained by a trigger on hub_translations (migration 030): never write it directly. */
/** Names of the reference data (SDG goals and targets, themes) per language, for cross-language search. */
export interface SearchReferenceTable {
  kind: "goal" | "target" | "theme";
  ref: string;
  language: Language;
  document: string;
}

export interface HubSearchTable {
  hub_id: number;
  language: Language;
  document: string;
  /** Filled by a trigger from hubs and hub_goals (migration 120): what a search ranks without looking each match up. */
  is_public: ColumnType<boolean, never, never>;
  recognised_at: ColumnType<Date | null, never, never>;
  goals: ColumnType<string | null, never, never>;
}

/**
 * One row per HUB, written only by triggers on hubs, hub_goals and hub_targets (migration 200): the
 * reference data it is filed under ('goal:4', 'target:4.1', 'theme:3', as search_reference names
 * them); matchedThrough reads it by key.
 */
export interface HubSearchFilingTable {
  hub_id: ColumnType<number, never, never>;
  is_public: ColumnType<boolean, never, never>;
  recognised_at: ColumnType<Date | null, never, never>;
  goals: ColumnType<string | null, never, never>;
  refs: ColumnType<string[], never, never>;
}

/**
 * One row per lexeme and public HUB, written only by a trigger on hub_search (migration 270): the
 * lexeme's rank in each language's search row (0 where that text lacks it), so a word's matches are
 * read from one covering index, one row per HUB.
 */
export interface HubLexemePostingTable {
  lexeme: ColumnType<string, never, never>;
  hub_id: ColumnType<number, never, never>;
  score_en: ColumnType<number, never, never>;
  score_es: ColumnType<number, never, never>;
  score_fr: ColumnType<number, never, never>;
  recognised_at: ColumnType<Date | null, never, never>;
  goals: ColumnType<string | null, never, never>;
}

/**
 * One row per reference name of each hub_search_filing row, written only by a trigger on it
 * (migration 260), so a search reads the HUBs under its matching names from one covering index.
 */
export interface HubSearchFilingPostingTable {
  ref: ColumnType<string, never, never>;
  hub_id: ColumnType<number, never, never>;
  is_public: ColumnType<boolean, never, never>;
  recognised_at: ColumnType<Date | null, never, never>;
  goals: ColumnType<string | null, never, never>;
}

/** Bumped by statement triggers on every table the public pages read (migration 030). */
export interface PublicDataVersionTable {
  id: number;
  version: number;
}

// --- Monitoring (progress updates, reporting calendar, notifications) ---
export type ProgressUpdateKind = "progress" | "final";
export type ProgressUpdateStatus = "draft" | "submitted" | "clarification_requested" | "accepted";
export type OverallStatus = "on_track" | "at_risk" | "off_track" | "achieved";

export interface HubReportScheduleTable {
  hub_id: number;
  interval_months: number;
  version: Generated<number>;
  updated_at: Timestamp;
  updated_by: number | null;
}

export interface ProgressUpdateTable {
  id: Generated<number>;
  hub_id: number;
  kind: ProgressUpdateKind;
  period_start: DateString;
  period_end: DateString;
  due_date: DateString;
  status: ProgressUpdateStatus;
  overall_status: OverallStatus | null;
  original_language: Language;
  version: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reviewed_by: number | null;
  accepted_at: Timestamp | null;
  review_comment: string | null;
}

export interface ProgressUpdateTranslationTable {
  update_id: number;
  language: Language;
  narrative: string | null;
}

export interface ProgressUpdateOutcomeTable {
  update_id: number;
  outcome_id: number;
  value: number | null;
  milestone_reached: boolean | null;
  comment: string | null;
}

export interface ProgressUpdateActivityTable {
  id: Generated<number>;
  update_id: number;
  position: number;
  title: string;
  held_on: DateString;
}

export interface ProgressUpdateEvidenceTable {
  id: Generated<number>;
  update_id: number;
  position: number;
  url: string;
  label: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** "report_due_soon", "report_due_today", "report_overdue", "update_submitted", "update_accepted", "update_clarification" */
  kind: string;
  hub_id: number | null;
  update_id: number | null;
  due_date: DateString | null;
  /** Unique: the same reminder is never recorded (nor e-mailed) twice. */
  dedupe_key: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface JobRunTable {
  name: string;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_result: string | null;
}

// --- The HUB network (migration 150, docs/decisions/150-hub-network.md) ---

/** One of UCLG's Policy Councils: a reference list kept by the secretariat. */
export interface PolicyCouncilTable {
  id: Generated<number>;
  slug: string;
  name_en: string;
  name_es: string;
  name_fr: string;
  position: number;
  version: Generated<number>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface HubPolicyCouncilTable {
  hub_id: number;
  council_id: number;
}

export type SyncRequestStatus = "pending" | "accepted" | "declined" | "withdrawn";

/** Two-way synchronisation: an accepted request is the link between two HUBs. */
export interface HubSyncRequestTable {
  id: Generated<number>;
  requester_hub_id: number;
  target_hub_id: number;
  /** "proposal": migrated from a proposal's unilateral link; "request": asked in the registry. */
  origin: ColumnType<"proposal" | "request", "proposal" | "request" | undefined, never>;
  message: string | null;
  joint_activity: string | null;
  status: ColumnType<SyncRequestStatus, SyncRequestStatus | undefined, SyncRequestStatus>;
  requested_by: number | null;
  decided_by: number | null;
  decision_comment: string | null;
  created_at: CreatedAt;
  decided_at: Timestamp | null;
  version: Generated<number>;
}

/** A publication or tool made together by two synchronised HUBs: shown on both pages. */
export interface HubJointProductTable {
  id: Generated<number>;
  sync_request_id: number;
  kind: "publication" | "tool";
  title: string;
  url: string;
  created_by: number | null;
  created_at: CreatedAt;
}

export type NetworkEventKind = "gathering" | "congress" | "network";

/** An event of the whole network, added by the secretariat (migration 150). */
export interface NetworkEventTable {
  id: Generated<number>;
  kind: NetworkEventKind;
  title_en: string;
  title_es: string;
  title_fr: string;
  location: ColumnType<string, string | undefined, string>;
  starts_on: DateString;
  ends_on: DateString;
  url: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_at: CreatedAt;
}

/** A HUB presented at a network event (a yearly gathering's are listed in that year's annual report). */
export interface NetworkEventHubTable {
  event_id: number;
  hub_id: number;
}

export type ExchangeTopicKind = "sdg" | "theme" | "region" | "hub" | "general";

/** A thread of the exchange space (migration 150): members only unless the secretariat makes it public. */
export interface ExchangeThreadTable {
  id: Generated<number>;
  topic_kind: ExchangeTopicKind;
  topic_ref: ColumnType<string, string | undefined, string>;
  title: string;
  language: Language;
  is_public: Generated<boolean>;
  pinned: Generated<boolean>;
  locked: Generated<boolean>;
  hidden: Generated<boolean>;
  announcement: Generated<boolean>;
  created_by: number | null;
  created_at: CreatedAt;
  last_post_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** Generated from the title. */
  document: ColumnType<string, never, never>;
}

export interface ExchangePostTable {
  id: Generated<number>;
  thread_id: number;
  author_id: number | null;
  /** The organisation the author spoke for, set on insert by a trigger (migration 170). */
  author_organisation_id: Generated<number | null>;
  body: string;
  hidden: Generated<boolean>;
  created_at: CreatedAt;
  /** Generated from the body. */
  document: ColumnType<string, never, never>;
}

export interface ExchangeReportTable {
  id: Generated<number>;
  post_id: number;
  reporter_id: number | null;
  reason: string;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
}

export interface ExchangeFollowTable {
  thread_id: number;
  user_id: number;
}

/**
 * The council dashboard's stored view of each public HUB's reporting (migration 120), written only by
 * progress/reporting-state.server.ts in the transactions that change reports, schedules, timelines,
 * outcomes or status.
 */
export interface HubReportingStateTable {
  hub_id: number;
  next_kind: "progress" | "final" | null;
  next_due_date: DateString | null;
  /** Every period not filed yet, by due date; written as a Postgres date[] literal. */
  pending_due_dates: ColumnType<string[], string, string>;
  last_overall_status: OverallStatus | null;
  last_filed_on: DateString | null;
  progress: number | null;
  outcomes: number;
  outcomes_achieved: number;
}

/** One version per HUB, moved by row triggers on every table its public page shows (migration 120): never written by app code. */
/** A HUB's open-data text in one language and format, in pieces around its status and pace (migration 230, opendata/export-text.server.ts). */
export interface HubExportTextTable {
  hub_id: number;
  language: Language;
  format: "geojson" | "csv";
  /** What every HUB's text shares: layout, origin, export reference version. */
  stamp: string;
  /** The HUB's stored status and dates when the text was made: its public status is computed from them at each read. */
  status: string;
  start_date: string;
  end_date: string;
  /** The text before the status value. */
  head: string;
  /** Between the status and the pace. */
  middle: string;
  /** After the pace. */
  tail: string;
}

export interface HubPublicVersionTable {
  hub_id: number;
  version: number;
}
