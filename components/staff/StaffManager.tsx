"use client";
// The staff list with what the signed-in user may do to each person: change role, deactivate
// or reactivate, reset the password. The server enforces every rule; the UI only hides what
// would be refused (an admin never manages an owner, nobody manages themselves).
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { useTRPC } from "@/components/trpc/provider";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Skeleton } from "@/components/ui/Skeleton";
import { canAssignRole, type TenantRole } from "@/server/modules/identity/capabilities";
import type { TStaffMember } from "@/server/modules/staff/staff.schema";
import { AddStaffForm } from "./AddStaffForm";
import { OneTimePasswordPanel } from "./OneTimePasswordPanel";
import { useTranslations } from "next-intl";
import { assignableRoles, type StaffRole } from "./roles";
import { useFormat } from "@/components/ui/use-format";

type Secret = { email: string; password: string; reason: "created" | "reset" };

export function StaffManager({ actorRole, canManage, timezone }: { actorRole: TenantRole; canManage: boolean; timezone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.list.queryOptions());
  const [secret, setSecret] = useState<Secret | null>(null);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.staff.list.queryKey() });
  const roles = assignableRoles(actorRole);

  return (
    <div className="space-y-4">
      {secret && <OneTimePasswordPanel {...secret} onDismiss={() => setSecret(null)} />}
      {canManage && (
        <AddStaffForm
          roles={roles}
          onCreated={async (email, password) => {
            setSecret({ email, password, reason: "created" });
            await invalidate();
          }}
        />
      )}
      <Card title="Staff users" action={list.data && <span className="text-sm text-slate-500">{list.data.filter((m) => m.active).length} active</span>}>
        {list.isPending && <Skeleton className="h-24" />}
        <ErrorAlert error={list.error} title="Could not load the staff list." />
        {list.data && (
          <ul className="divide-y divide-slate-100" data-testid="staff-list">
            {list.data.map((member) => (
              <StaffRow
                key={member.id}
                member={member}
                timezone={timezone}
                manageable={canManage && !member.isSelf && canAssignRole(actorRole, member.role)}
                roles={roles}
                onChanged={invalidate}
                onPassword={(password) => setSecret({ email: member.email, password, reason: "reset" })}
              />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

function StaffRow(props: {
  member: TStaffMember;
  timezone: string;
  manageable: boolean;
  roles: StaffRole[];
  onChanged: () => Promise<unknown>;
  onPassword: (password: string) => void;
}) {
  const { member } = props;
  const format = useFormat();
  const common = useTranslations("common");
  const trpc = useTRPC();
  const [role, setRole] = useState<StaffRole>(member.role);
  const options = { onSuccess: () => props.onChanged() };
  const changeRole = useMutation(trpc.staff.changeRole.mutationOptions(options));
  const deactivate = useMutation(trpc.staff.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.staff.reactivate.mutationOptions(options));
  const reset = useMutation(trpc.staff.resetPassword.mutationOptions({ onSuccess: (data) => props.onPassword(data.password) }));
  const busy = changeRole.isPending || deactivate.isPending || reactivate.isPending || reset.isPending;
  const error = changeRole.error ?? deactivate.error ?? reactivate.error ?? reset.error;
  const clearErrors = () => [changeRole, deactivate, reactivate, reset].forEach((m) => m.reset());

  return (
    <li className="py-3" data-testid="staff-row" data-email={member.email}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="truncate text-sm font-medium text-slate-900">{member.name}</span>
            {member.isSelf && <Badge tone="brand">You</Badge>}
          </div>
          <div className="truncate text-sm text-slate-600">{member.email}</div>
          <div className="mt-1 flex flex-wrap gap-1.5">
            <Badge>{common(`roles.${member.role}`)}</Badge>
            <Badge tone={member.active ? "success" : "danger"}>{member.active ? "Active" : "Deactivated"}</Badge>
            <Badge tone={member.twoFactorEnabled ? "success" : "warning"}>2FA {member.twoFactorEnabled ? "on" : "off"}</Badge>
          </div>
          <div className="mt-1 text-xs text-slate-500">
            Last sign-in: {member.lastSignInAt ? format.dateTime(member.lastSignInAt) : "never"}
          </div>
        </div>
      </div>
      {props.manageable && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <label className="sr-only" htmlFor={`role-${member.id}`}>
            Role of {member.name}
          </label>
          <select
            id={`role-${member.id}`}
            className="min-h-9 rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800"
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
          </select>
          {role !== member.role && (
            <Button variant="primary" disabled={busy} onClick={() => changeRole.mutate({ userId: member.id, role })}>
              Change role
            </Button>
          )}
          {member.active ? (
            <Button
              disabled={busy}
              onClick={() => {
                clearErrors();
                if (window.confirm(`Deactivate ${member.name}? They are signed out at once.`)) deactivate.mutate({ userId: member.id });
              }}
            >
              Deactivate
            </Button>
          ) : (
            <Button
              disabled={busy}
              onClick={() => {
                clearErrors();
                reactivate.mutate({ userId: member.id });
              }}
            >
              Reactivate
            </Button>
          )}
          <Button
            disabled={busy}
            onClick={() => {
              clearErrors();
              if (window.confirm(`Reset the password of ${member.name}? They are signed out and need the new password.`)) reset.mutate({ userId: member.id });
            }}
          >
            Reset password
          </Button>
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
