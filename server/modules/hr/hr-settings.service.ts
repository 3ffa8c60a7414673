// The tenant's HR settings (office geofence, grace minutes, regional minimum wage, THR month)
// and its work shifts. Settings changes are audited.
import "server-only";
import type { UserActor } from "@/server/actor/actor";
import type { TenantScope } from "@/server/db";
import { AppError } from "@/server/errors/app-error";
import { recordAudit } from "@/server/modules/audit/audit.service";
import { fromDbDate, toDbDate } from "@/server/time/calendar-date";
import { findHrSettingsRow, findTenantZone, findShiftRow, isUniqueViolation, listShiftRows, upsertHrSettingsRow, upsertShiftRow } from "./hr.repository";
import type { THrSettings, TSaveShiftInput, TShift } from "./hr.schema";

export const DEFAULT_HR_SETTINGS: THrSettings = { officeName: null, officeLat: null, officeLng: null, geofenceRadiusM: 150, graceMinutes: 10, minimumWageIdr: 0, thrMonth: null, thrHolidayDate: null };

export async function getHrSettings(db: TenantScope): Promise<THrSettings> {
  const row = await findHrSettingsRow(db);
  if (!row) return DEFAULT_HR_SETTINGS;
  return {
    officeName: row.officeName,
    officeLat: row.officeLat,
    officeLng: row.officeLng,
    geofenceRadiusM: row.geofenceRadiusM,
    graceMinutes: row.graceMinutes,
    minimumWageIdr: row.minimumWageIdr,
    thrMonth: row.thrMonth,
    thrHolidayDate: row.thrHolidayDate ? fromDbDate(row.thrHolidayDate) : null,
  };
}

export async function saveHrSettings(db: TenantScope, actor: UserActor, input: THrSettings): Promise<THrSettings> {
  if ((input.officeLat === null) !== (input.officeLng === null)) throw new AppError("VALIDATION_FAILED", { fields: { officeLng: ["hr.validation.officeBoth"] } });
  await upsertHrSettingsRow(db, { ...input, thrHolidayDate: input.thrHolidayDate ? toDbDate(input.thrHolidayDate) : null });
  await recordAudit(db, actor, { action: "hr.settings_changed", details: { geofenceRadiusM: input.geofenceRadiusM, thrMonth: input.thrMonth } });
  return getHrSettings(db);
}

/** The office geofence of the settings, or null while the office has no position. */
export function officeFenceOf(s: THrSettings) {
  return s.officeLat === null || s.officeLng === null ? null : { name: s.officeName, lat: s.officeLat, lng: s.officeLng, radiusM: s.geofenceRadiusM };
}

/** The office geofence, or null while the office has no position. */
export async function officeFence(db: TenantScope) {
  return officeFenceOf(await getHrSettings(db));
}

export async function listShifts(db: TenantScope): Promise<TShift[]> {
  return (await listShiftRows(db)).map((s) => ({ id: s.id, name: s.name, startMinute: s.startMinute, endMinute: s.endMinute, weekdays: s.weekdays }));
}

export async function saveShift(db: TenantScope, actor: UserActor, input: TSaveShiftInput): Promise<TShift> {
  if (input.startMinute === input.endMinute) throw new AppError("VALIDATION_FAILED", { fields: { endMinute: ["hr.validation.shiftEmpty"] } });
  if (input.id && !(await findShiftRow(db, input.id))) throw new AppError("NOT_FOUND", { shiftId: input.id }, "hr.errors.shiftNotFound");
  const weekdays = [...new Set(input.weekdays)].sort();
  try {
    const row = await upsertShiftRow(db, input.id, { name: input.name, startMinute: input.startMinute, endMinute: input.endMinute, weekdays });
    await recordAudit(db, actor, { action: "hr.shift_saved", target: { type: "shift", id: row.id } });
    return { id: row.id, name: row.name, startMinute: row.startMinute, endMinute: row.endMinute, weekdays: row.weekdays };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { field: "name" }, "hr.errors.shiftTaken");
    throw error;
  }
}

/** The tenant's time zone (IANA), where working days begin and end. */
export async function tenantZone(db: TenantScope): Promise<string> {
  return (await findTenantZone(db)) ?? "Asia/Jakarta";
}
