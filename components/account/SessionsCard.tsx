"use client";
// The user's own signed-in sessions: where and when, revoke one, or sign out everywhere.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { useAccountApi, type AccountScope } from "./account-api";

/** Browser and system from a user agent string, good enough to recognise a device. */
export function describeAgent(ua: string | null): { browser: string | null; os: string | null; raw: string | null } {
  if (!ua) return { browser: null, os: null, raw: null };
  const browser = /Edg\//.test(ua) ? "Edge" : /OPR\/|Opera/.test(ua) ? "Opera" : /Firefox\//.test(ua) ? "Firefox" : /Chrome\//.test(ua) ? "Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  return { browser, os, raw: ua.slice(0, 60) };
}

export function SessionsCard({ scope }: { scope?: AccountScope }) {
  const t = useTranslations("account.sessions");
  const format = useFormat();
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
  const device = (ua: string | null) => {
    const { browser, os, raw } = describeAgent(ua);
    if (browser && os) return t("agent", { browser, os });
    return browser ?? os ?? raw ?? t("unknownDevice");
  };

  return (
    <Card
      title={t("title")}
      action={
        <ConfirmDialog
          trigger={<Button>{t("signOutEverywhere")}</Button>}
          title={t("confirmTitle")}
          description={t("confirmBody")}
          confirmLabel={t("signOutEverywhere")}
          onConfirm={() => everywhere.mutateAsync()}
        />
      }
    >
      {sessions.isPending && <Skeleton className="h-16" />}
      <ErrorAlert error={sessions.error} title={t("couldNotLoad")} />
      <ErrorAlert error={revoke.error ?? everywhere.error} />
      {sessions.data && (
        <ul className="divide-y divide-slate-100" data-testid="session-list">
          {sessions.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div className="min-w-0">
                <div className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                  {device(s.userAgent)}
                  {s.current && <Badge tone="brand">{t("thisDevice")}</Badge>}
                </div>
                <div className="text-xs text-slate-500">
                  {t("facts", { ip: s.ip ?? t("unknownIp"), signedIn: format.dateTime(s.createdAt), lastSeen: format.relative(s.lastSeenAt) })}
                </div>
              </div>
              <Button onClick={() => revoke.mutate({ sessionId: s.id })} loading={revoke.isPending && revoke.variables?.sessionId === s.id}>
                {s.current ? t("signOut") : t("revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
