"use client";
// The add-router form in a card; once saved, the router's own page opens.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";
import { Card } from "@/components/ui/Card";
import { RouterForm } from "./RouterForm";

export function AddRouter() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigation = useRouter();
  return (
    <Card>
      <RouterForm
        onSaved={async (router) => {
          await queryClient.invalidateQueries({ queryKey: trpc.routers.list.pathKey() });
          navigation.push(`/routers/${router.id}`);
        }}
      />
    </Card>
  );
}
