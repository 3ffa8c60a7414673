"use client";
// A select of the tenant's routers, with an empty first option (no router / choose one).
import { useQuery } from "@tanstack/react-query";
import { Select, type SelectProps } from "@/components/ui/Select";
import { useTRPC } from "@/components/trpc/provider";

export function RouterSelect({ emptyLabel, ...rest }: Omit<SelectProps, "children"> & { emptyLabel: string }) {
  const trpc = useTRPC();
  const routers = useQuery(trpc.routers.list.queryOptions());
  return (
    <Select {...rest}>
      <option value="">{emptyLabel}</option>
      {(routers.data ?? []).map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </Select>
  );
}
