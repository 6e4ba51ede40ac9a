import type { Generated } from 'kysely';
import type { GitTables } from './schema.git.js';

/**
 * Row shapes as stored. Instants are ISO 8601 strings in UTC on both dialects
 * (TEXT in SQLite, timestamptz in PostgreSQL read back through a type parser).
 */
export interface Database extends GitTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  membership_roles: MembershipRolesTable;
  invitations: InvitationsTable;
  audit_events: AuditEventsTable;
  projects: ProjectsTable;
  plan_versions: PlanVersionsTable;
  plan_tasks: PlanTasksTable;
  decisions: DecisionsTable;
  evidence: EvidenceTable;
  ledger_entries: LedgerEntriesTable;
  day_verdicts: DayVerdictsTable;
  pauses: PausesTable;
  grace_spends: GraceSpendsTable;
  contract_versions: ContractVersionsTable;
  checkpoint_events: CheckpointEventsTable;
  proof_checks: ProofChecksTable;
  uploads: UploadsTable;
  consequences: ConsequencesTable;
  notifications: NotificationsTable;
  notification_channels: NotificationChannelsTable;
  notification_prefs: NotificationPrefsTable;
  deliveries: DeliveriesTable;
  checkpoint_forecasts: CheckpointForecastsTable;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  time_zone: string;
  password_hash: string;
  instance_role: 'owner' | 'member';
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface WorkspacesTable {
  id: string;
  name: string;
  slug: string;
  kind: 'solo' | 'cohort' | 'team';
  /** The commit-msg hook's demand for a `Why:` trailer on AI-assisted commits. */
  why_mode: Generated<'off' | 'warn' | 'require'>;
  /** Attribution rules and extra bot / generated-path patterns for git evidence. */
  git_settings_json: Generated<string>;
  /** Percent: a checkpoint whose chance of holding is under this is at risk. */
  at_risk_below: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  created_at: string;
}

export interface MembershipRolesTable {
  workspace_id: string;
  user_id: string;
  role: 'organizer' | 'witness' | 'builder';
  granted_by: string;
  granted_at: string;
}

export interface InvitationsTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  role: 'organizer' | 'witness' | 'builder';
  email: string | null;
  created_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

/** Append-only: who did what to whom, and when. */
export interface AuditEventsTable {
  id: Generated<number>;
  workspace_id: string | null;
  actor_id: string | null;
  action: string;
  subject_id: string | null;
  data: string;
  created_at: string;
}

export interface ProjectsTable {
  id: string;
  workspace_id: string;
  name: string;
  slug: string;
  builder_id: string;
  created_by: string;
  current_version: number | null;
  availability_json: string | null;
  verdicts_from: string | null;
  summary: string | null;
  audience: string | null;
  public_token: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlanVersionsTable {
  id: string;
  project_id: string;
  number: number;
  format: string;
  source_name: string | null;
  source_text: string;
  source_sha256: string;
  reason: string | null;
  imported_by: string;
  created_at: string;
  /** The checked ImportedPlan, with ids carried over from the version before. */
  plan_json: string;
  /** The diff from the version before; null for the first. */
  diff_json: string | null;
  task_count: number;
  open_minutes: number;
  warning_count: number;
}

export interface PlanTasksTable {
  project_id: string;
  task_id: string;
  parent_id: string | null;
  title: string;
  status: 'todo' | 'in_progress' | 'done' | 'cancelled';
  /** 0 or 1 (booleans are not portable across the two dialects' drivers). */
  optional: number;
  estimate_min: number | null;
  estimate_max: number | null;
  position: number;
  added_in_version: number;
  removed_in_version: number | null;
  updated_at: string;
}

export interface DecisionsTable {
  project_id: string;
  decision_id: string;
  title: string;
  status: string | null;
  /** The imported DecisionRecord. */
  record_json: string;
  source_name: string | null;
  source_text: string;
  imported_by: string;
  created_at: string;
  updated_at: string;
}

export interface EvidenceTable {
  id: string;
  project_id: string;
  user_id: string;
  /** checkin | task_started | task_done | task_deferred (later: commit, pull_request, …) */
  kind: string;
  /** recital | git | github */
  source: string;
  at: string;
  /** The builder's local date (YYYY-MM-DD) when it happened. */
  local_date: string;
  task_id: string | null;
  minutes: number | null;
  text: string | null;
  ref: string | null;
  dedup_key: string | null;
  created_at: string;
}

export interface LedgerEntriesTable {
  project_id: string;
  seq: number;
  at: string;
  kind: string;
  actor_id: string | null;
  payload_json: string;
  prev_hash: string;
  hash: string;
  created_at: string;
}

export interface DayVerdictsTable {
  project_id: string;
  date: string;
  verdict: 'showed_up' | 'skipped' | 'paused' | 'grace';
  evidence_ids_json: string;
  reason: string;
  closed_at: string;
  created_at: string;
}

export interface PausesTable {
  id: string;
  project_id: string;
  from_date: string;
  to_date: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  created_at: string;
}

export interface GraceSpendsTable {
  project_id: string;
  date: string;
  spent_by: string;
  spent_at: string;
  created_at: string;
}

export interface ContractVersionsTable {
  project_id: string;
  number: number;
  /** The Contract as requested. */
  contract_json: string;
  /** The Contract in force while the easier parts wait (equal to contract_json when none do). */
  interim_json: string;
  /** EffectiveChange[] against the contract in force when requested; [] for the first version. */
  changes_json: string;
  reason: string;
  requested_by: string;
  requested_at: string;
  fully_effective_at: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
}

export interface CheckpointEventsTable {
  project_id: string;
  checkpoint_id: string;
  seq: number;
  type: 'submitted' | 'reviewed' | 'missed' | 'reminder_sent' | 'escalated';
  /** The CheckpointEvent as the core defines it. */
  event_json: string;
  at: string;
  created_at: string;
}

export interface ProofChecksTable {
  submission_id: string;
  item: number;
  project_id: string;
  kind: string;
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
  checked_at: string;
}

export interface UploadsTable {
  id: string;
  project_id: string;
  blob_key: string;
  media_type: string;
  bytes: number;
  name: string;
  uploaded_by: string;
  created_at: string;
}

export interface ConsequencesTable {
  project_id: string;
  key: string;
  action: string;
  /** What set it off: a local date, or a checkpoint id. */
  cause: string;
  at: string;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  project_id: string | null;
  kind: string;
  dedup_key: string;
  title: string;
  body: string;
  url: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotificationChannelsTable {
  id: string;
  user_id: string;
  kind: 'slack' | 'discord' | 'webhook';
  label: string;
  url: string;
  secret: string | null;
  created_at: string;
}

export interface NotificationPrefsTable {
  user_id: string;
  /** 0 or 1. */
  email: number;
  quiet_start: string | null;
  quiet_end: string | null;
  /** Local 'HH:MM' of the daily digest, or null to send each email as it happens. */
  digest_time: string | null;
  last_digest_at: string | null;
  updated_at: string;
}

export interface DeliveriesTable {
  id: string;
  notification_id: string;
  user_id: string;
  /** 'email' or a notification_channels id. */
  channel: string;
  status: 'pending' | 'digest' | 'sent' | 'failed';
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  sent_at: string | null;
  created_at: string;
}

/** The latest forecast of each open checkpoint (the sweeper keeps it). */
export interface CheckpointForecastsTable {
  project_id: string;
  checkpoint_id: string;
  due_date: string;
  kind: 'forecast' | 'done' | 'unknown';
  probability: number | null;
  p50: string | null;
  p85: string | null;
  p95: string | null;
  note: string;
  facts_key: string;
  at_risk_since: string | null;
  computed_at: string;
}
