"use client";
// The owner's switch: require two-factor sign-in from every staff user of this ISP.
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";

export function TwoFactorPolicyCard({ canChange, selfHasTwoFactor }: { canChange: boolean; selfHasTwoFactor: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const policy = useQuery(trpc.settings.securityPolicy.queryOptions());
  const set = useMutation(
    trpc.settings.setRequireTwoFactor.mutationOptions({
      onSuccess: async (data) => {
        queryClient.setQueryData(trpc.settings.securityPolicy.queryKey(), data);
        router.refresh(); // the layout sends users without 2FA to the security page
      },
    }),
  );
  const data = policy.data;
  return (
    <Card title="Two-factor sign-in for staff" action={data && <Badge tone={data.requireTwoFactor ? "success" : "neutral"}>{data.requireTwoFactor ? "Required" : "Optional"}</Badge>}>
      {policy.isPending && <Skeleton className="h-12" />}
      <ErrorAlert error={policy.error} />
      {data && (
        <div className="space-y-3 text-sm text-slate-600">
          <p>
            When required, staff who have not set up two-factor sign-in can only open their account security page until they do.
            {data.staffWithoutTwoFactor > 0 && (
              <>
                {" "}
                <strong className="text-slate-900">{data.staffWithoutTwoFactor}</strong> active staff user
                {data.staffWithoutTwoFactor === 1 ? " has" : "s have"} not set it up yet.
              </>
            )}
          </p>
          {canChange ? (
            <label className="flex items-start gap-3">
              <input
                type="checkbox"
                className="mt-0.5 h-5 w-5 rounded border-slate-300 accent-brand-600"
                checked={data.requireTwoFactor}
                disabled={set.isPending}
                onChange={(e) => set.mutate(e.target.checked)}
                data-testid="require-two-factor"
              />
              <span className="font-medium text-slate-800">
                Require two-factor sign-in from all staff
                {!selfHasTwoFactor && !data.requireTwoFactor && (
                  <span className="mt-0.5 block text-xs font-normal text-slate-500">You will be asked to set it up yourself first.</span>
                )}
              </span>
            </label>
          ) : (
            <p className="text-xs text-slate-500">Only an owner can change this.</p>
          )}
          <ErrorAlert error={set.error} />
        </div>
      )}
    </Card>
  );
}
