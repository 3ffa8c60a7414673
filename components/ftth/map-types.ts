// What the map's parts share: the selection and the editing mode.
import type { TLatLng } from "@/server/modules/ftth/ftth.schema";

export type Selection = { kind: "node"; id: string } | { kind: "customer"; id: string } | null;
export type EditMode = { kind: "add"; at: TLatLng | null } | { kind: "move"; nodeId: string; at: TLatLng } | { kind: "route"; linkId: string; points: TLatLng[] } | null;
