import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blobKey, createFolderBlobStore } from './blob-store.js';

describe('folder blob store', () => {
  let root: string | undefined;
  afterEach(async () => root && rm(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256, once, privately, and reads them back', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'recital-blobs-'));
    const store = createFolderBlobStore(root);
    const bytes = new TextEncoder().encode('%PDF-1.7 proof');
    const first = await store.put(bytes);
    const again = await store.put(bytes);
    expect(first).toEqual({ key: blobKey(bytes), size: bytes.byteLength });
    expect(again.key).toBe(first.key);
    expect((await store.get(first.key))?.toString()).toBe('%PDF-1.7 proof');
    const file = path.join(root, first.key.slice(0, 2), first.key.slice(2, 4), first.key);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readdir(path.dirname(file))).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    await store.delete(first.key);
    expect(await store.get(first.key)).toBeNull();
  });

  it('refuses keys that are not hashes, so no path can escape the folder', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'recital-blobs-'));
    const store = createFolderBlobStore(root);
    await expect(store.get('../../etc/passwd')).rejects.toThrow('Not a blob key');
  });
});
