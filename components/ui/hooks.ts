"use client";
// Small hooks lists share: a value that settles after typing pauses, and filters kept in the URL
// (so a filtered list can be bookmarked, shared, and survives a reload or the back button).
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";

/** `value`, once it has not changed for `ms` (search as the user pauses typing, not per key). */
export function useDebouncedValue<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export type UrlFilters<K extends string> = Readonly<Record<K, string>>;

/**
 * Filters in the query string: `filters.status` is "" when absent; `setFilters({ status: "active" })`
 * replaces the URL's query (history.replaceState: no server round trip, no new history entry),
 * "" or null removes a key. Other query parameters are kept.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]): [UrlFilters<K>, (patch: Partial<Record<K, string | null>>) => void] {
  const params = useSearchParams();
  const filters = useMemo(() => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ""])) as Record<K, string>, [params, keys]);
  const setFilters = useCallback(
    (patch: Partial<Record<K, string | null>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(patch) as Array<[K, string | null | undefined]>) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
    },
    [],
  );
  return [filters, setFilters];
}

/**
 * A search box's text kept in the URL under `key`: `text` follows every key press, the URL (and
 * `query`, what to search for) once typing pauses.
 */
export function useUrlSearch(key = "q", ms = 300): { text: string; setText: (text: string) => void; query: string } {
  const params = useSearchParams();
  const inUrl = params.get(key) ?? "";
  const [text, setText] = useState(inUrl);
  const settled = useDebouncedValue(text, ms);
  const [, setFilters] = useUrlFilters([key] as const);
  useEffect(() => {
    if (settled.trim() !== inUrl) setFilters({ [key]: settled.trim() || null } as Partial<Record<string, string | null>>);
  }, [settled, inUrl, key, setFilters]);
  return { text, setText, query: settled.trim() };
}
