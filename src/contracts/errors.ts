/**
 * Every error the API can answer with: a stable dotted code, its HTTP status and a message
 * written for the person who will read it. Server, CLI and web share this table so a client
 * can explain an error without parsing prose.
 */
export const ERRORS = {
  'request.invalid': { status: 400, message: 'The request is not valid.' },
  'request.malformed_json': { status: 400, message: 'The request body is not valid JSON.' },
  'request.too_large': { status: 413, message: 'The request body is too large.' },
  'request.unsupported_media_type': { status: 415, message: 'Send the body as application/json.' },
  'request.rate_limited': { status: 429, message: 'Too many attempts. Wait a moment and try again.' },
  'route.not_found': { status: 404, message: 'There is no such endpoint.' },
  'auth.required': { status: 401, message: 'Sign in, or send an API token, to do this.' },
  'auth.invalid_credentials': { status: 401, message: 'The email or password is wrong.' },
  'auth.csrf_failed': {
    status: 403,
    message: 'The form was stale or came from another site. Reload the page and try again.',
  },
  'auth.signup_closed': {
    status: 403,
    message: 'Sign-up on this instance is by invitation only. Ask an organizer for an invitation link.',
  },
  'access.forbidden': { status: 403, message: 'Your role in this workspace does not allow this.' },
  'access.self_escalation': {
    status: 403,
    message: 'You cannot give yourself a role. Ask an organizer of this workspace.',
  },
  'users.email_taken': {
    status: 409,
    message: 'An account with this email already exists. Sign in instead.',
  },
  'users.not_found': { status: 404, message: 'No such user.' },
  'tokens.not_found': { status: 404, message: 'No such API token.' },
  'workspaces.not_found': { status: 404, message: 'No such workspace.' },
  'workspaces.slug_taken': { status: 409, message: 'A workspace with this short name already exists.' },
  'workspaces.last_organizer': {
    status: 409,
    message: 'A workspace needs at least one organizer. Make someone else organizer first.',
  },
  'members.not_found': { status: 404, message: 'No such member in this workspace.' },
  'members.already_member': { status: 409, message: 'You are already a member of this workspace.' },
  'invitations.not_found': { status: 404, message: 'This invitation does not exist or was revoked.' },
  'invitations.expired': { status: 410, message: 'This invitation has expired. Ask for a new link.' },
  'invitations.used': { status: 410, message: 'This invitation has already been used. Ask for a new link.' },
  'invitations.wrong_email': {
    status: 403,
    message: 'This invitation was sent to a different email address. Sign in with that address.',
  },
  'projects.not_found': { status: 404, message: 'No such project.' },
  'projects.slug_taken': {
    status: 409,
    message: 'A project with this short name already exists in the workspace.',
  },
  'projects.builder_not_member': { status: 400, message: 'The builder must be a member of the workspace.' },
  'plans.invalid': { status: 422, message: 'The plan could not be imported.' },
  'plans.empty': { status: 404, message: 'This project has no plan yet. Import one first.' },
  'plans.version_not_found': { status: 404, message: 'No such plan version.' },
  'schedule.invalid': { status: 400, message: 'The schedule settings are not valid.' },
  'schedule.no_hours': {
    status: 400,
    message: 'Say how many minutes you can work on each weekday (minutesPerWeekday) to get a schedule.',
  },
  'decisions.invalid': { status: 422, message: 'The decision record could not be imported.' },
  'tasks.not_found': { status: 404, message: 'No such task in the current plan.' },
  'tasks.already_done': { status: 409, message: 'This task is already done.' },
  'tasks.not_builder': { status: 403, message: "Only the project's builder records their own work." },
  'days.no_hours': {
    status: 409,
    message: 'Save your hours first (`recital schedule --hours … --save`): days are judged against them.',
  },
  'days.pause_refused': { status: 400, message: 'This pause cannot be taken.' },
  'days.grace_refused': { status: 409, message: 'A grace token cannot be spent on this day.' },
  'contracts.none': {
    status: 404,
    message: 'This project has no commitment yet. Commit first (`recital contract commit`).',
  },
  'contracts.builder_commits': {
    status: 403,
    message: 'Only the builder makes the first commitment; an organizer can change it afterwards.',
  },
  'contracts.reason_required': { status: 400, message: 'Say why the commitment changes: witnesses read it.' },
  'contracts.witness_not_member': {
    status: 400,
    message: 'A witness must be a member of the workspace. Invite them first.',
  },
  'contracts.not_witness': {
    status: 403,
    message: "Only a witness of this project's commitment can do this.",
  },
  'contracts.nothing_waiting': { status: 409, message: 'This version has nothing waiting to be approved.' },
  'contracts.invalid': { status: 400, message: 'The commitment is not valid.' },
  'contracts.no_change': { status: 409, message: 'Nothing would change.' },
  'contracts.due_date_in_past': {
    status: 400,
    message: 'A checkpoint date cannot be moved into the past. Pick today or later.',
  },
  'contracts.builder_as_witness': { status: 400, message: 'The builder cannot witness their own work.' },
  'checkpoints.not_found': { status: 404, message: 'No such checkpoint in the commitment.' },
  'checkpoints.not_builder': {
    status: 403,
    message: "Only the project's builder submits proof for its checkpoints.",
  },
  'checkpoints.invalid_proof': { status: 400, message: 'The proof is not acceptable.' },
  'checkpoints.awaiting_review': {
    status: 409,
    message: 'The current submission is waiting for review; wait for the witness.',
  },
  'checkpoints.already_approved': { status: 409, message: 'This checkpoint is approved; approval is final.' },
  'checkpoints.duplicate_submission': { status: 409, message: 'This submission was already recorded.' },
  'checkpoints.self_review': { status: 403, message: 'Nobody can review their own checkpoint.' },
  'checkpoints.not_reviewer': {
    status: 403,
    message: "Only a witness of this project's commitment, or an organizer, reviews its checkpoints.",
  },
  'checkpoints.not_submitted': { status: 409, message: 'There is no submission waiting for review.' },
  'checkpoints.stale_submission': {
    status: 409,
    message: 'A newer submission replaced the one you reviewed. Reload it.',
  },
  'checkpoints.rejection_reason_required': {
    status: 400,
    message: 'Say why you reject it: incomplete, does_not_meet_criteria, cannot_verify or other.',
  },
  'checkpoints.rejection_comment_required': {
    status: 400,
    message: 'Add a comment saying what is missing, so the builder can fix it.',
  },
  'checkpoints.invalid_review': { status: 400, message: 'The review is not valid.' },
  'checkpoints.conflict': { status: 409, message: 'The checkpoint changed meanwhile. Reload and try again.' },
  'uploads.too_large': { status: 413, message: 'The file is too large (at most 10 MB).' },
  'uploads.unsupported_type': {
    status: 415,
    message: 'Only images (PNG, JPEG, GIF, WebP) and PDF files can be uploaded as proof.',
  },
  'uploads.not_found': { status: 404, message: 'No such uploaded file in this project.' },
  'url.refused': { status: 400, message: 'This URL cannot be used.' },
  'notifications.channel_not_found': { status: 404, message: 'No such notification channel.' },
  'repositories.not_found': { status: 404, message: 'No such repository in this project.' },
  'repositories.name_taken': {
    status: 409,
    message: 'This project already has a repository with that name. Sync it instead of adding it again.',
  },
  'repositories.not_builder': {
    status: 403,
    message: "Only the project's builder connects repositories and reports commits for it.",
  },
  'repositories.commit_not_found': {
    status: 404,
    message: 'Recital has not seen this commit. Run `recital sync` in the repository, then try again.',
  },
  'repositories.ambiguous_sha': {
    status: 400,
    message: 'This short SHA matches several commits. Give more of it.',
  },
  'comprehension.builder_walkthrough': {
    status: 403,
    message:
      'A walkthrough is recorded by the witness who was walked through the code. As the builder, explain your commits instead (`recital explain`).',
  },
  'emails.not_found': { status: 404, message: 'No such address on your account.' },
  'emails.taken': {
    status: 409,
    message: 'Someone else has verified this address. If it is yours, ask them to remove it first.',
  },
  'emails.primary': {
    status: 400,
    message: 'This is your account address; change it in your profile instead.',
  },
  'emails.bad_token': {
    status: 400,
    message: 'This verification link is wrong or has expired. Add the address again to get a new one.',
  },
  'github.not_configured': {
    status: 404,
    message: 'GitHub webhooks are not set up on this server (RECITAL_GITHUB_WEBHOOK_SECRET is not set).',
  },
  'github.bad_signature': {
    status: 401,
    message:
      'The X-Hub-Signature-256 header is missing or does not match. Check that the webhook secret on GitHub is the one this server has.',
  },
  'github.bad_payload': { status: 400, message: 'The GitHub delivery could not be read.' },
  'internal.error': { status: 500, message: 'Something went wrong on our side. It has been logged.' },
  'service.unavailable': { status: 503, message: 'The service is not ready.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
