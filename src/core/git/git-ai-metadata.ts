/**
 * The JSON half of a git-ai authorship note: who the agents behind the attested lines were.
 * Records are read leniently (a field of the wrong type becomes null) because notes come from
 * many git-ai versions: `prompts` (v1.0+, with `agent_id` and `human_author`), `sessions` (v1.4+,
 * the same identity without stats or messages) and `humans` (`{ "author": "Name <email>" }`).
 */

export interface GitAiMetadata {
  schema_version?: unknown;
  base_commit_sha?: unknown;
  git_ai_version?: unknown;
  prompts?: unknown;
  sessions?: unknown;
  humans?: unknown;
  [field: string]: unknown;
}

export interface GitAiAgent {
  /** The prompt hash or `s_` session id that attestation entries refer to. */
  key: string;
  source: 'prompt' | 'session';
  /** "cursor", "claude", "codex", "github-copilot"… as git-ai names the tool. */
  tool: string | null;
  model: string | null;
  /** The tool's own conversation or session id. */
  sessionId: string | null;
  /** The person who prompted the agent, "Name <email>" or an e-mail. */
  humanAuthor: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function agentOf(key: string, record: unknown, source: GitAiAgent['source']): GitAiAgent {
  const fields = isRecord(record) ? record : {};
  const agentId = isRecord(fields.agent_id) ? fields.agent_id : {};
  return {
    key,
    source,
    tool: text(agentId.tool),
    model: text(agentId.model),
    sessionId: text(agentId.id),
    humanAuthor: text(fields.human_author),
  };
}

/** Agents by key (prompts and sessions together) and humans by `h_` key. */
export function parseAgents(metadata: GitAiMetadata): {
  agents: Record<string, GitAiAgent>;
  humans: Record<string, string>;
} {
  const agents: Record<string, GitAiAgent> = {};
  const prompts = isRecord(metadata.prompts) ? metadata.prompts : {};
  const sessions = isRecord(metadata.sessions) ? metadata.sessions : {};
  for (const key of Object.keys(prompts).sort()) agents[key] = agentOf(key, prompts[key], 'prompt');
  for (const key of Object.keys(sessions).sort()) agents[key] = agentOf(key, sessions[key], 'session');
  const humans: Record<string, string> = {};
  const humanRecords = isRecord(metadata.humans) ? metadata.humans : {};
  for (const key of Object.keys(humanRecords).sort()) {
    const record = humanRecords[key];
    const author = isRecord(record) ? text(record.author) : null;
    if (author) humans[key] = author;
  }
  return { agents, humans };
}
