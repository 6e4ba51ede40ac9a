import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files (proof screenshots, PDFs) live. Content-addressed: the key is the SHA-256 of
 * the bytes, so the same file uploaded twice is stored once and a key can never point at other bytes.
 * The default keeps them in a folder under the data dir; a shared store (S3, a database) can
 * implement the same interface when several instances run.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<{ key: string; size: number }>;
  /** The bytes, or null when no blob has this key. */
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{64}$/;

export function blobKey(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Blobs as files under `root/ab/cd/<sha256>`, written atomically (temp file, then rename). */
export function createFolderBlobStore(root: string): BlobStore {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new Error(`Not a blob key: ${key}`);
    return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
  };
  return {
    async put(bytes) {
      const key = blobKey(bytes);
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes, { mode: 0o600 });
      await rename(temp, file);
      return { key, size: bytes.byteLength };
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
