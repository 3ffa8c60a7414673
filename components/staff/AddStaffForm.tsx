"use client";
// Adds a staff user; the server generates the first password and returns it once.
import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/Alert";
import { INPUT_CLASS, LABEL_CLASS } from "@/components/account/fields";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { useTranslations } from "next-intl";
import type { StaffRole } from "./roles";

export function AddStaffForm({ roles, onCreated }: { roles: StaffRole[]; onCreated: (email: string, password: string) => void | Promise<void> }) {
  const common = useTranslations("common");
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>(roles.includes("technician") ? "technician" : (roles[0] ?? "technician"));
  const create = useMutation(
    trpc.staff.create.mutationOptions({
      onSuccess: async (data) => {
        setName("");
        setEmail("");
        await onCreated(data.user.email, data.password);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, email, role });
  };
  return (
    <Card title="Add staff">
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2" noValidate>
        <label className={LABEL_CLASS}>
          Name
          <input className={INPUT_CLASS} name="name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          Email
          <input className={INPUT_CLASS} name="email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label className={LABEL_CLASS}>
          Role
          <select className={INPUT_CLASS} name="role" value={role} onChange={(e) => setRole(e.target.value as StaffRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {common(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end">
          <Button type="submit" data-testid="add-staff-submit" variant="primary" disabled={create.isPending || !name.trim() || !email.trim()} className="w-full sm:w-auto">
            {create.isPending ? "Adding…" : "Add staff user"}
          </Button>
        </div>
        <div className="sm:col-span-2">
          <ErrorAlert error={create.error} />
        </div>
      </form>
    </Card>
  );
}
