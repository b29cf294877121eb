/**
 * Per-file results that cost more than a lookup (block structure, language, numbers, hashes).
 * Keyed by the file's parsed body, so an unchanged file keeps its results when `dev` re-checks after an edit.
 */
const caches = new WeakMap<object, Map<string, unknown>>();

export function memo<T>(owner: object, key: string, compute: () => T): T {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  cache.set(key, value);
  return value;
}
