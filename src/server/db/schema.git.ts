/** Row shapes of git evidence and comprehension (migration 0009). */
export interface GitTables {
  repositories: RepositoriesTable;
  commits: CommitsTable;
  commit_task_links: CommitTaskLinksTable;
  understanding_facts: UnderstandingFactsTable;
  pull_requests: PullRequestsTable;
  github_deliveries: GithubDeliveriesTable;
  comprehension_snapshots: ComprehensionSnapshotsTable;
  user_emails: UserEmailsTable;
}

export interface UserEmailsTable {
  id: string;
  user_id: string;
  email: string;
  verified_at: string | null;
  token_hash: string | null;
  token_expires_at: string | null;
  created_at: string;
}

export interface ComprehensionSnapshotsTable {
  id: string;
  repository_id: string;
  commit_sha: string;
  taken_at: string;
  totals_json: string;
  files_json: string;
  hotspots_json: string;
  uploaded_by: string;
}

export interface RepositoriesTable {
  id: string;
  project_id: string;
  name: string;
  github_full_name: string | null;
  default_branch: string | null;
  tips_json: string;
  last_synced_at: string | null;
  created_by: string;
  created_at: string;
}

export interface CommitsTable {
  repository_id: string;
  sha: string;
  project_id: string;
  parents_json: string;
  author_name: string;
  author_email: string;
  authored_at: string;
  committer_email: string;
  committed_at: string;
  message: string;
  branch: string | null;
  user_id: string | null;
  is_bot: number;
  files_changed: number;
  additions: number;
  deletions: number;
  generated_lines: number;
  attribution: 'human' | 'ai_assisted' | 'ai_authored';
  attribution_signal: string;
  attribution_tool: string | null;
  attribution_confidence: number;
  source: 'sync' | 'hook' | 'github';
  received_at: string;
}

export interface CommitTaskLinksTable {
  repository_id: string;
  sha: string;
  project_id: string;
  task_id: string;
  ref: string;
  closes: number;
  source: 'message' | 'branch';
}

export interface UnderstandingFactsTable {
  id: string;
  repository_id: string;
  sha: string;
  person_email: string;
  kind: 'authored' | 'explained' | 'reviewed';
  source: 'commit' | 'why_trailer' | 'explain' | 'pull_request' | 'pr_review' | 'reviewed_by' | 'walkthrough';
  text: string | null;
  recorded_by: string | null;
  created_at: string;
}

export interface PullRequestsTable {
  repository_id: string;
  number: number;
  title: string;
  url: string;
  state: string;
  merged: number;
  merged_at: string | null;
  merge_commit_sha: string | null;
  head_ref: string;
  head_sha: string;
  base_ref: string;
  author_login: string;
  why: string | null;
  updated_at: string;
}

export interface GithubDeliveriesTable {
  delivery_id: string;
  event: string;
  repository: string | null;
  outcome: string;
  received_at: string;
}
