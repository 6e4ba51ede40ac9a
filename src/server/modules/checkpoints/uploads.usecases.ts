import type { UploadDto } from '../../../contracts/checkpoints.contract.js';
import { MAX_UPLOAD_BYTES } from '../../../contracts/checkpoints.contract.js';
import type { Actor, Deps } from '../../deps.js';
import { blobKey } from '../../shared/blob-store.js';
import { AppError } from '../../shared/errors.js';
import { newId } from '../../shared/secrets.js';
import { requireProject } from '../projects/projects.usecases.js';
import { sniffMediaType, type UploadMediaType } from './sniff.js';

/**
 * Store a proof file for the project's builder. The type is read from the bytes; a file that is not
 * an accepted image or a PDF is refused and nothing is stored.
 */
export async function uploadProofFile(
  deps: Pick<Deps, 'db' | 'clock' | 'blobs'>,
  actor: Actor,
  projectId: string,
  name: string,
  bytes: Buffer,
): Promise<UploadDto> {
  const { project } = await requireProject(deps.db, projectId, actor);
  if (project.builder_id !== actor.userId) throw new AppError('checkpoints.not_builder');
  if (bytes.length > MAX_UPLOAD_BYTES) throw new AppError('uploads.too_large');
  const mediaType = sniffMediaType(bytes);
  if (!mediaType)
    throw new AppError('uploads.unsupported_type', {
      message: `"${name}" is not a PNG, JPEG, GIF or WebP image or a PDF (judged by its content, not its name). Export it as one of those.`,
    });
  // eslint-disable-next-line no-control-regex -- control characters have no place in a display name
  const cleanName = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').slice(0, 255);
  // The row is written only once the bytes are safely stored; a crash in between leaves an orphan blob, never a dangling row.
  const { key, size } = await deps.blobs.put(bytes);
  const now = deps.clock.now().toISOString();
  const row = {
    id: newId(),
    project_id: projectId,
    blob_key: key,
    media_type: mediaType,
    bytes: size,
    name: cleanName,
    uploaded_by: actor.userId,
    created_at: now,
  };
  await deps.db.insertInto('uploads').values(row).execute();
  return { id: row.id, mediaType, bytes: size, name: cleanName, sha256: key, createdAt: now };
}

/** An uploaded file's bytes for anyone who can see the project. */
export async function readProofFile(
  deps: Pick<Deps, 'db' | 'blobs'>,
  actor: Actor,
  projectId: string,
  uploadId: string,
): Promise<{ bytes: Buffer; mediaType: UploadMediaType; name: string }> {
  await requireProject(deps.db, projectId, actor);
  const row = await deps.db
    .selectFrom('uploads')
    .selectAll()
    .where('id', '=', uploadId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  const bytes = row ? await deps.blobs.get(row.blob_key) : null;
  if (!row || !bytes || blobKey(bytes) !== row.blob_key) throw new AppError('uploads.not_found');
  return { bytes, mediaType: row.media_type as UploadMediaType, name: row.name };
}
