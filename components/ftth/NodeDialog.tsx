"use client";
// A node's form: a new node where the map was tapped (below the selected node when one is
// selected, its type limited to what may hang there), or an existing node's details. Both name
// the router whose health polls the node follows. The module's own schema validates the form.
import { RouterSelect } from "@/components/routers/RouterSelect";
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
import { CHILD_TYPES, NODE_TYPES, ZCreateNodeInput, type TLatLng, type TMapNode, type TNode, type TNodeType } from "@/server/modules/ftth/ftth.schema";

const DEFAULT_PORTS: Record<TNodeType, number> = { olt: 16, odc: 8, odp: 8 };

type Props = ({ kind: "create"; at: TLatLng; parent: TMapNode | null } | { kind: "edit"; node: TNode }) & { onClose: () => void; onSaved: (id: string) => void };

export function NodeDialog(props: Props) {
  const t = useTranslations("ftth");
  const trpc = useTRPC();
  const client = useQueryClient();
  const editing = props.kind === "edit" ? props.node : null;
  const parent = props.kind === "create" ? props.parent : null;
  const types = parent ? CHILD_TYPES[parent.type] : NODE_TYPES;
  const first = types[types.length - 1]!;
  const at: TLatLng = editing ? [editing.latitude, editing.longitude] : props.kind === "create" ? props.at : [0, 0];
  const form = useZodForm(ZCreateNodeInput, {
    defaultValues: editing
      ? (({ id: _id, status: _status, usedPorts: _used, ...fields }) => ({ ...fields, parentId: null }))(editing)
      : { type: first, code: "", name: "", latitude: at[0], longitude: at[1], ports: DEFAULT_PORTS[first], splitterRatio: first === "odp" ? "1:8" : null, area: null, installedOn: null, photoUrl: null, notes: null, routerId: null, parentId: parent?.id ?? null },
  });
  // Owners and admins build the plant; both read the routers (network.read).
  const onSuccess = (node: TNode) => (client.invalidateQueries({ queryKey: trpc.ftth.pathKey() }), props.onSaved(node.id));
  const onError = (error: unknown) => setServerErrors(form, error);
  const create = useMutation(trpc.ftth.createNode.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.ftth.updateNode.mutationOptions({ onSuccess, onError }));
  const save = editing ? update : create;
  const { errors } = form.formState;
  const text = { setValueAs: optionalText };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && props.onClose()}
      title={editing ? t("form.editTitle", { code: editing.code }) : t("form.title")}
      description={t("form.position", { lat: at[0].toFixed(6), lng: at[1].toFixed(6) })}
      footer={
        <>
          <DialogClose asChild>
            <Button>{t("map.cancel")}</Button>
          </DialogClose>
          <Button variant="primary" type="submit" form="ftth-node-form" loading={save.isPending} data-testid="ftth-node-save">
            {t("form.submit")}
          </Button>
        </>
      }
    >
      <form
        id="ftth-node-form"
        className="grid gap-3 sm:grid-cols-2"
        noValidate
        onSubmit={form.handleSubmit(({ type: _type, parentId: _parent, ...values }) => (editing ? update.mutate({ ...values, id: editing.id }) : create.mutate({ ...values, type: _type, parentId: _parent })))}
      >
        {!editing && <p className="text-sm text-slate-600 sm:col-span-2">{parent ? t("form.parent", { code: parent.code }) : t("form.noParent")}</p>}
        {editing ? (
          <p className="text-sm text-slate-600 sm:col-span-2">{t(`types.${editing.type}`)}</p>
        ) : (
          <Field label={t("form.type")} error={errors.type?.message}>
            <Select {...form.register("type", { onChange: (e) => form.setValue("ports", DEFAULT_PORTS[e.target.value as TNodeType]) })}>
              {types.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </Select>
          </Field>
        )}
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
        <Field label={t("form.router")} hint={t("form.routerHint")} error={errors.routerId?.message} className="sm:col-span-2">
          <RouterSelect emptyLabel={t("form.noRouter")} {...form.register("routerId", text)} data-testid="ftth-node-router" />
        </Field>
        <Field label={t("form.notes")} error={errors.notes?.message} className="sm:col-span-2">
          <Textarea rows={2} {...form.register("notes", text)} />
        </Field>
        <FormError form={form} error={save.error} />
      </form>
    </Dialog>
  );
}
