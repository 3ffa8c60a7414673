// Shared form control classes of the account, staff and settings screens.
export const INPUT_CLASS =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/20 sm:text-sm";
export const LABEL_CLASS = "block text-sm font-medium text-slate-700";
