"use client";
// The employee page: loads the full record (the view is audited) into the form; new employees
// start empty. Saving returns to the list.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";
import { ErrorAlert } from "@/components/ui/Alert";
import { Card } from "@/components/ui/Card";
import { EmployeeForm } from "./EmployeeForm";

export function EmployeeEditor({ id }: { id: string | null }) {
  const t = useTranslations("hr");
  const trpc = useTRPC();
  const router = useRouter();
  const employee = useQuery({ ...trpc.hr.employees.get.queryOptions({ id: id ?? "" }), enabled: id !== null });
  const done = () => router.push("/employees");
  if (id === null) return <EmployeeForm onSaved={done} />;
  if (employee.error) return <ErrorAlert error={employee.error} title={t("couldNotLoad")} />;
  if (employee.isPending) return <Card><p className="text-sm text-slate-600">{t("loading")}</p></Card>;
  return <EmployeeForm employee={employee.data} onSaved={done} />;
}
