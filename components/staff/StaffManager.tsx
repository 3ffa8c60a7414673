"use client";
// The staff list with what the signed-in user may do to each person: change role, deactivate
// or reactivate, reset the password. The server enforces every rule; the UI only hides what
// would be refused (an admin never manages an owner, nobody manages themselves).
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import { Skeleton } from "@/components/ui/Skeleton";
import { useFormat } from "@/components/ui/use-format";
import { canAssignRole, type TenantRole } from "@/server/modules/identity/capabilities";
import type { TStaffMember } from "@/server/modules/staff/staff.schema";
import { AddStaffForm } from "./AddStaffForm";
import { OneTimePasswordPanel } from "./OneTimePasswordPanel";
import { assignableRoles, type StaffRole } from "./roles";

type Secret = { email: string; password: string; reason: "created" | "reset" };

export function StaffManager({ actorRole, canManage }: { actorRole: TenantRole; canManage: boolean }) {
  const t = useTranslations("staff.list");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.list.queryOptions());
  const [secret, setSecret] = useState<Secret | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const roles = assignableRoles(actorRole);

  return (
    <div className="space-y-4">
      {secret && <OneTimePasswordPanel {...secret} onDismiss={() => setSecret(null)} />}
      <Card title={t("title")} action={list.data && <span className="text-sm text-slate-500">{t("active", { count: list.data.filter((m) => m.active).length })}</span>}>
        {list.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={list.error} title={t("loadFailed")} />
        {list.data && (
          <ul className="divide-y divide-slate-100" data-testid="staff-list">
            {list.data.map((member) => (
              <StaffRow
                key={member.id}
                member={member}
                manageable={canManage && !member.isSelf && canAssignRole(actorRole, member.role)}
                roles={roles}
                onChanged={invalidate}
                onPassword={(password) => setSecret({ email: member.email, password, reason: "reset" })}
              />
            ))}
          </ul>
        )}
      </Card>
      {canManage && (
        <AddStaffForm
          roles={roles}
          onCreated={async (email, password) => {
            setSecret({ email, password, reason: "created" });
            await invalidate();
          }}
        />
      )}
    </div>
  );
}

function StaffRow(props: { member: TStaffMember; manageable: boolean; roles: StaffRole[]; onChanged: () => Promise<unknown>; onPassword: (password: string) => void }) {
  const { member } = props;
  const t = useTranslations("staff.row");
  const common = useTranslations("common");
  const format = useFormat();
  const trpc = useTRPC();
  const [role, setRole] = useState<StaffRole>(member.role);
  const options = { onSuccess: () => props.onChanged() };
  const changeRole = useMutation(trpc.staff.changeRole.mutationOptions(options));
  const deactivate = useMutation(trpc.staff.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.staff.reactivate.mutationOptions(options));
  const reset = useMutation(trpc.staff.resetPassword.mutationOptions({ onSuccess: (data) => props.onPassword(data.password) }));
  const busy = changeRole.isPending || deactivate.isPending || reactivate.isPending || reset.isPending;
  const error = changeRole.error ?? reactivate.error;
  const clearErrors = () => [changeRole, deactivate, reactivate, reset].forEach((m) => m.reset());

  return (
    <li className="py-3" data-testid="staff-row" data-email={member.email}>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <span className="truncate text-sm font-medium text-slate-900">{member.name}</span>
          {member.isSelf && <Badge tone="brand">{t("you")}</Badge>}
        </div>
        <div className="truncate text-sm text-slate-600">{member.email}</div>
        <div className="mt-1 flex flex-wrap gap-1.5">
          <Badge>{common(`roles.${member.role}`)}</Badge>
          <Badge tone={member.active ? "success" : "danger"}>{member.active ? t("active") : t("deactivated")}</Badge>
          <Badge tone={member.twoFactorEnabled ? "success" : "warning"}>{member.twoFactorEnabled ? t("twoFactorOn") : t("twoFactorOff")}</Badge>
        </div>
        <div className="mt-1 text-xs text-slate-500">{member.lastSignInAt ? t("lastSignIn", { when: format.dateTime(member.lastSignInAt) }) : t("neverSignedIn")}</div>
      </div>
      {props.manageable && (
        <div className="mt-2 flex flex-wrap items-end gap-2">
          <Field label={t("roleOf", { name: member.name })} hideLabel className="w-full sm:w-48">
            <Select
              value={role}
              onChange={(e) => {
                clearErrors();
                setRole(e.target.value as StaffRole);
              }}
            >
              {props.roles.map((r) => (
                <option key={r} value={r}>
                  {common(`roles.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          {role !== member.role && (
            <Button variant="primary" loading={changeRole.isPending} disabled={busy} onClick={() => changeRole.mutate({ userId: member.id, role })}>
              {t("changeRole")}
            </Button>
          )}
          {member.active ? (
            <ConfirmDialog
              trigger={
                <Button disabled={busy} onClick={clearErrors}>
                  {t("deactivate")}
                </Button>
              }
              title={t("deactivateTitle", { name: member.name })}
              description={t("deactivateBody", { name: member.name })}
              confirmLabel={t("deactivate")}
              onConfirm={() => deactivate.mutateAsync({ userId: member.id })}
              testId="staff-deactivate"
            >
              <ErrorAlert error={deactivate.error} />
            </ConfirmDialog>
          ) : (
            <Button
              disabled={busy}
              loading={reactivate.isPending}
              onClick={() => {
                clearErrors();
                reactivate.mutate({ userId: member.id });
              }}
            >
              {t("reactivate")}
            </Button>
          )}
          <ConfirmDialog
            trigger={
              <Button disabled={busy} onClick={clearErrors}>
                {t("resetPassword")}
              </Button>
            }
            title={t("resetTitle", { name: member.name })}
            description={t("resetBody", { name: member.name })}
            confirmLabel={t("resetPassword")}
            onConfirm={() => reset.mutateAsync({ userId: member.id })}
            testId="staff-reset-password"
          >
            <ErrorAlert error={reset.error} />
          </ConfirmDialog>
        </div>
      )}
      {error && (
        <div className="mt-2">
          <ErrorAlert error={error} />
        </div>
      )}
    </li>
  );
}
