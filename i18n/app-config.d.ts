// Types next-intl checks every key against: a key missing from the Indonesian catalogue, or a
// locale that is not ours, is a compile error.
import type { Locale } from "./locales";
import type { Messages } from "./messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
