"use client";
// The user's own signed-in sessions: where and when, revoke one, or sign out everywhere.
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { formatDateTime, formatRelative } from "@/components/ui/time";
import { useAccountApi, type AccountScope } from "./account-api";
import { ErrorNote } from "./ErrorNote";

/** "Chrome on Android" from a user agent string, good enough to recognise a device. */
export function describeAgent(ua: string | null): string {
  if (!ua) return "Unknown device";
  const browser = /Edg\//.test(ua) ? "Edge" : /OPR\/|Opera/.test(ua) ? "Opera" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  if (browser && os) return `${browser} on ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}

export function SessionsCard({ timezone, scope }: { timezone: string; scope?: AccountScope }) {
  const account = useAccountApi(scope);
  const queryClient = useQueryClient();
  const router = useRouter();
  const sessions = useQuery(account.sessions.queryOptions());
  const revoke = useMutation(
    account.revokeSession.mutationOptions({
      onSuccess: async (result) => {
        if (result.current) return router.replace("/login");
        await queryClient.invalidateQueries({ queryKey: account.sessions.queryKey() });
      },
    }),
  );
  const everywhere = useMutation(account.signOutEverywhere.mutationOptions({ onSuccess: () => router.replace("/login") }));

  return (
    <Card
      title="Where you are signed in"
      action={
        <Button
          onClick={() => {
            if (window.confirm("Sign out on every device, this one included?")) everywhere.mutate();
          }}
          disabled={everywhere.isPending}
        >
          {everywhere.isPending ? "Signing out…" : "Sign out everywhere"}
        </Button>
      }
    >
      {sessions.isPending && <Skeleton className="h-16" />}
      <ErrorNote error={sessions.error ?? revoke.error ?? everywhere.error} />
      {sessions.data && (
        <ul className="divide-y divide-slate-100" data-testid="session-list">
          {sessions.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {describeAgent(s.userAgent)}
                  {s.current && <Badge tone="brand">This device</Badge>}
                </div>
                <div className="text-xs text-slate-500">
                  {s.ip ?? "unknown IP"} · signed in {formatDateTime(new Date(s.createdAt), timezone)} · last seen{" "}
                  {formatRelative(new Date(s.lastSeenAt))}
                </div>
              </div>
              <Button onClick={() => revoke.mutate({ sessionId: s.id })} disabled={revoke.isPending && revoke.variables?.sessionId === s.id}>
                {s.current ? "Sign out" : "Revoke"}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
