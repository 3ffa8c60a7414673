"use client";
// The owner's switch: require two-factor sign-in from every staff user of this ISP. It applies
// only after a confirmation that names who it will stop; an owner without 2FA is sent to set it
// up first (the server refuses otherwise), so the switch can never lock its own owner out.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Alert, ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { ButtonLink } from "@/components/ui/ButtonLink";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Skeleton } from "@/components/ui/Skeleton";
import type { TStaffRole } from "@/server/modules/staff/staff.schema";
import type { TSecurityPolicy } from "@/server/modules/tenant-settings/tenant-settings.schema";

const SHOWN_NAMES = 8;

export function TwoFactorPolicyCard({ canChange }: { canChange: boolean }) {
  const t = useTranslations("settings.twoFactor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const policy = useQuery(trpc.settings.securityPolicy.queryOptions());
  const set = useMutation(
    trpc.settings.setRequireTwoFactor.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.settings.securityPolicy.queryKey(), data);
        router.refresh(); // the layout sends users without 2FA to the security page
      },
    }),
  );
  const data = policy.data;
  return (
    <Card title={t("title")} action={data && <Badge tone={data.requireTwoFactor ? "success" : "neutral"}>{data.requireTwoFactor ? t("required") : t("optional")}</Badge>}>
      {policy.isPending && <Skeleton className="h-12" />}
      <ErrorAlert error={policy.error} />
      {data && (
        <div className="space-y-3 text-sm text-slate-600" data-testid="two-factor-policy">
          <p>{t("explain")}</p>
          <p>{data.staffWithoutTwoFactor > 0 ? t("pending", { count: data.staffWithoutTwoFactor }) : t("allEnrolled")}</p>
          {!canChange ? (
            <p className="text-xs text-slate-500">{t("onlyOwner")}</p>
          ) : data.requireTwoFactor ? (
            <ConfirmDialog
              trigger={<Button data-testid="require-two-factor-off">{t("turnOff")}</Button>}
              title={t("confirmOffTitle")}
              description={t("confirmOffBody")}
              confirmLabel={t("confirmOff")}
              tone="primary"
              onConfirm={() => set.mutateAsync(false)}
              testId="require-two-factor-off-dialog"
            >
              <ErrorAlert error={set.error} />
            </ConfirmDialog>
          ) : !data.selfHasTwoFactor ? (
            <Alert
              tone="warning"
              title={t("enrollFirstTitle")}
              testId="two-factor-enroll-first"
              action={
                <ButtonLink href="/account/security" variant="primary">
                  {t("enrollFirstAction")}
                </ButtonLink>
              }
            >
              {t("enrollFirstBody")}
            </Alert>
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="primary" data-testid="require-two-factor">
                  {t("turnOn")}
                </Button>
              }
              title={t("confirmOnTitle")}
              description={t("confirmOnBody", { count: data.staffWithoutTwoFactor })}
              confirmLabel={t("confirmOn")}
              tone="primary"
              onConfirm={() => set.mutateAsync(true)}
              testId="require-two-factor-dialog"
            >
              <AffectedStaff policy={data} />
              <ErrorAlert error={set.error} />
            </ConfirmDialog>
          )}
        </div>
      )}
    </Card>
  );
}

function AffectedStaff({ policy }: { policy: TSecurityPolicy }) {
  const t = useTranslations("settings.twoFactor");
  const common = useTranslations("common");
  if (policy.withoutTwoFactor.length === 0) return null;
  const shown = policy.withoutTwoFactor.slice(0, SHOWN_NAMES);
  const more = policy.staffWithoutTwoFactor - shown.length;
  return (
    <div className="mb-2" data-testid="two-factor-affected">
      <p className="font-medium text-slate-800">{t("confirmOnAffected")}</p>
      <ul className="mt-1 list-disc pl-5 text-slate-700">
        {shown.map((p) => (
          <li key={p.id}>
            {p.name} · {common(`roles.${p.role as TStaffRole}`)}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="mt-1 text-slate-500">{t("confirmOnMore", { count: more })}</p>}
    </div>
  );
}
