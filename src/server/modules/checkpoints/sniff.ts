import type { UPLOAD_MEDIA_TYPES } from '../../../contracts/checkpoints.contract.js';

export type UploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The media type of a proof file, read from its first bytes — never from its name or the type the
 * client claimed, which anyone can set. Null for anything that is not one of the accepted images
 * or a PDF (SVG is refused on purpose: it can carry script).
 *
 * @example sniffMediaType(await readFile('shot.png')) // 'image/png'
 */
export function sniffMediaType(bytes: Uint8Array): UploadMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}
