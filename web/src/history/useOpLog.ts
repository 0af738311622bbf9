import type { OpLogEntry } from '@counterpoint/shared';
import { useEffect, useRef, useState } from 'react';
import { fetchOpsSince } from '../api/endpoints';

/**
 * The map's op log up to `version`, read page by page and extended as the version grows (only the new part is
 * fetched). Only loaded while `enabled` (the history panel is open).
 */
export function useOpLog(mapId: string, version: number, enabled: boolean) {
  const [entries, setEntries] = useState<OpLogEntry[]>([]);
  const [error, setError] = useState<unknown>(null);
  const loading = useRef(false);

  useEffect(() => {
    if (!enabled || loading.current) return;
    const have = entries.at(-1)?.version ?? 0;
    if (have >= version) return;
    loading.current = true;
    let cancelled = false;
    (async () => {
      const fetched: OpLogEntry[] = [];
      let since = have;
      while (since < version) {
        const page = await fetchOpsSince(mapId, since);
        if (page.ops.length === 0) break;
        fetched.push(...page.ops);
        since = page.ops.at(-1)!.version;
      }
      if (!cancelled) setEntries((current) => [...current, ...fetched.filter((e) => e.version > (current.at(-1)?.version ?? 0))]);
    })()
      .catch((e: unknown) => !cancelled && setError(e))
      .finally(() => {
        loading.current = false;
      });
    return () => {
      cancelled = true;
      loading.current = false;
    };
  }, [mapId, version, enabled, entries]);

  return { entries, error };
}
