// The catalogues: one JSON file per domain and language (messages/<locale>/<domain>.json), the
// file name being the namespace (`useTranslations("customers")`). Add a domain's file in both
// languages and list it here; tests/i18n-catalogues.test.ts checks both languages have the
// same keys and ICU arguments, and that every file is listed.
import enCommon from "@/messages/en/common.json";
import enErrors from "@/messages/en/errors.json";
import enValidation from "@/messages/en/validation.json";
import enShell from "@/messages/en/shell.json";
import enAuth from "@/messages/en/auth.json";
import enStatus from "@/messages/en/status.json";
import enAccount from "@/messages/en/account.json";
import enDashboard from "@/messages/en/dashboard.json";
import enCustomers from "@/messages/en/customers.json";
import enBilling from "@/messages/en/billing.json";
import enPackages from "@/messages/en/packages.json";
import enSettings from "@/messages/en/settings.json";
import enStaff from "@/messages/en/staff.json";
import enRouters from "@/messages/en/routers.json";
import enSubscription from "@/messages/en/subscription.json";
import enNotifications from "@/messages/en/notifications.json";
import enNetwork from "@/messages/en/network.json";
import enFtth from "@/messages/en/ftth.json";
import enConsole from "@/messages/en/console.json";
import enAudit from "@/messages/en/audit.json";
import enSite from "@/messages/en/site.json";
import enHr from "@/messages/en/hr.json";
import enPayroll from "@/messages/en/payroll.json";
import enFiles from "@/messages/en/files.json";
import enWorkorders from "@/messages/en/workorders.json";
import enCollections from "@/messages/en/collections.json";
import enPortal from "@/messages/en/portal.json";
import idCommon from "@/messages/id/common.json";
import idErrors from "@/messages/id/errors.json";
import idValidation from "@/messages/id/validation.json";
import idShell from "@/messages/id/shell.json";
import idAuth from "@/messages/id/auth.json";
import idStatus from "@/messages/id/status.json";
import idAccount from "@/messages/id/account.json";
import idDashboard from "@/messages/id/dashboard.json";
import idCustomers from "@/messages/id/customers.json";
import idBilling from "@/messages/id/billing.json";
import idPackages from "@/messages/id/packages.json";
import idSettings from "@/messages/id/settings.json";
import idStaff from "@/messages/id/staff.json";
import idRouters from "@/messages/id/routers.json";
import idSubscription from "@/messages/id/subscription.json";
import idNotifications from "@/messages/id/notifications.json";
import idNetwork from "@/messages/id/network.json";
import idFtth from "@/messages/id/ftth.json";
import idConsole from "@/messages/id/console.json";
import idAudit from "@/messages/id/audit.json";
import idSite from "@/messages/id/site.json";
import idHr from "@/messages/id/hr.json";
import idPayroll from "@/messages/id/payroll.json";
import idFiles from "@/messages/id/files.json";
import idWorkorders from "@/messages/id/workorders.json";
import idCollections from "@/messages/id/collections.json";
import idPortal from "@/messages/id/portal.json";
import type { Locale } from "./locales";

const id = {
  common: idCommon,
  errors: idErrors,
  validation: idValidation,
  shell: idShell,
  auth: idAuth,
  status: idStatus,
  account: idAccount,
  dashboard: idDashboard,
  customers: idCustomers,
  billing: idBilling,
  packages: idPackages,
  settings: idSettings,
  staff: idStaff,
  routers: idRouters,
  subscription: idSubscription,
  notifications: idNotifications,
  network: idNetwork,
  ftth: idFtth,
  console: idConsole,
  audit: idAudit,
  site: idSite,
  hr: idHr,
  payroll: idPayroll,
  files: idFiles,
  workorders: idWorkorders,
  collections: idCollections,
  portal: idPortal,
};

/** The shape every catalogue has: Indonesian is the reference. */
export type Messages = typeof id;

export const MESSAGES: Record<Locale, Messages> = {
  id,
  en: {
    common: enCommon,
    errors: enErrors,
    validation: enValidation,
    shell: enShell,
    auth: enAuth,
    status: enStatus,
    account: enAccount,
    dashboard: enDashboard,
    customers: enCustomers,
    billing: enBilling,
    packages: enPackages,
    settings: enSettings,
    staff: enStaff,
    routers: enRouters,
    subscription: enSubscription,
    notifications: enNotifications,
    network: enNetwork,
    ftth: enFtth,
    console: enConsole,
    audit: enAudit,
    site: enSite,
    hr: enHr,
    payroll: enPayroll,
    files: enFiles,
    workorders: enWorkorders,
  collections: enCollections,
    portal: enPortal,
  },
};
