"use client";
// A new node where the map was tapped, below the selected node when one is selected (its type
// limited to what may hang there). The module's own schema validates the form.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/trpc/provider";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogClose } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { FormError, optionalNumber, optionalText, setServerErrors, useZodForm } from "@/components/ui/form";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { CHILD_TYPES, NODE_TYPES, ZCreateNodeInput, type TLatLng, type TMapNode, type TNodeType } from "@/server/modules/ftth/ftth.schema";

const DEFAULT_PORTS: Record<TNodeType, number> = { olt: 16, odc: 8, odp: 8 };

export function AddNodeDialog({ at, parent, onClose, onCreated }: { at: TLatLng; parent: TMapNode | null; onClose: () => void; onCreated: (id: string) => void }) {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const client = useQueryClient();
  const types = parent ? CHILD_TYPES[parent.type] : NODE_TYPES;
  const first = types[types.length - 1]!;
  const form = useZodForm(ZCreateNodeInput, {
    defaultValues: { type: first, code: "", name: "", latitude: at[0], longitude: at[1], ports: DEFAULT_PORTS[first], splitterRatio: first === "odp" ? "1:8" : null, area: null, installedOn: null, photoUrl: null, notes: null, parentId: parent?.id ?? null },
  });
  const create = useMutation(
    trpc.ftth.createNode.mutationOptions({
      onSuccess: (node) => (client.invalidateQueries({ queryKey: trpc.ftth.pathKey() }), onCreated(node.id)),
      onError: (error) => setServerErrors(form, error),
    }),
  );
  const { errors } = form.formState;
  const text = { setValueAs: optionalText };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={t("form.title")}
      description={t("form.position", { lat: at[0].toFixed(6), lng: at[1].toFixed(6) })}
      footer={
        <>
          <DialogClose asChild>
            <Button>{t("map.cancel")}</Button>
          </DialogClose>
          <Button variant="primary" type="submit" form="ftth-node-form" loading={create.isPending}>
            {t("form.submit")}
          </Button>
        </>
      }
    >
      <form id="ftth-node-form" className="grid gap-3 sm:grid-cols-2" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
        <p className="text-sm text-slate-600 sm:col-span-2">{parent ? t("form.parent", { code: parent.code }) : t("form.noParent")}</p>
        <Field label={t("form.type")} error={errors.type?.message}>
          <Select {...form.register("type", { onChange: (e) => form.setValue("ports", DEFAULT_PORTS[e.target.value as TNodeType]) })}>
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("form.code")} error={errors.code?.message} required>
          <Input autoComplete="off" {...form.register("code")} />
        </Field>
        <Field label={t("form.name")} error={errors.name?.message} required className="sm:col-span-2">
          <Input autoComplete="off" {...form.register("name")} />
        </Field>
        <Field label={t("form.ports")} hint={t("form.portsHint")} error={errors.ports?.message} required>
          <Input type="number" inputMode="numeric" min={1} max={1024} {...form.register("ports", { setValueAs: optionalNumber })} />
        </Field>
        <Field label={t("form.splitter")} error={errors.splitterRatio?.message}>
          <Input autoComplete="off" {...form.register("splitterRatio", text)} />
        </Field>
        <Field label={t("form.area")} error={errors.area?.message}>
          <Input autoComplete="off" {...form.register("area", text)} />
        </Field>
        <Field label={t("form.installedOn")} error={errors.installedOn?.message}>
          <Input type="date" {...form.register("installedOn", text)} />
        </Field>
        <Field label={t("form.notes")} error={errors.notes?.message} className="sm:col-span-2">
          <Textarea rows={2} {...form.register("notes", text)} />
        </Field>
        <FormError form={form} error={create.error} />
      </form>
    </Dialog>
  );
}
