import "server-only";
import { z } from "zod";
import { router } from "@/server/trpc/init";
import { requireCapability } from "@/server/trpc/procedures";
import { getCustomerOptOut, listMessageLog, resendMessage, setCustomerOptOut } from "./message-log.service";
import {
  ZAudienceFilter,
  ZAudiencePreview,
  ZBroadcastInput,
  ZBroadcastRow,
  ZCustomerTarget,
  ZOptOutState,
  ZSetOptOutInput,
  ZCloudMappingInput,
  ZInvoiceShare,
  ZMessageListInput,
  ZMessagePage,
  ZMessageTarget,
  ZPreview,
  ZPreviewInput,
  ZSendInvoiceInput,
  ZSendInvoiceResult,
  ZSendTestInput,
  ZSendTestResult,
  ZTemplateBodyInput,
  ZTemplateTarget,
  ZTemplateView,
  ZWhatsAppSettingsInput,
} from "./notifications.schema";
import { invoiceShare, listBroadcastRows, previewAudience, sendBroadcast, sendInvoice, sendTestMessage } from "./outbound.service";
import { listTemplates, previewTemplate, resetTemplate, saveCloudMapping, saveTemplate } from "./template.service";
import { getWhatsAppSettings, saveWhatsAppSettings } from "./whatsapp-settings.service";

const manage = requireCapability("notifications.manage");
const read = requireCapability("notifications.read");
const send = requireCapability("notifications.send");

export const notificationsRouter = router({
  /** Gateways, throttles, quiet hours, reminder days; tokens only as "set" and their last 4 characters. */
  settings: manage.query(({ ctx }) => getWhatsAppSettings(ctx.db)),
  saveSettings: manage.input(ZWhatsAppSettingsInput).mutation(({ ctx, input }) => saveWhatsAppSettings(ctx.db, ctx.actor, input)),
  /** Sends the test message now through one provider and says what came of it. */
  sendTest: manage.input(ZSendTestInput).output(ZSendTestResult).mutation(({ ctx, input }) => sendTestMessage(ctx.db, ctx.actor, input)),

  templates: manage.output(z.array(ZTemplateView)).query(({ ctx }) => listTemplates(ctx.db)),
  saveTemplate: manage.input(ZTemplateBodyInput).output(ZTemplateView).mutation(({ ctx, input }) => saveTemplate(ctx.db, ctx.actor, input)),
  resetTemplate: manage.input(ZTemplateTarget).output(ZTemplateView).mutation(({ ctx, input }) => resetTemplate(ctx.db, ctx.actor, input)),
  saveCloudTemplate: manage.input(ZCloudMappingInput).output(ZTemplateView).mutation(({ ctx, input }) => saveCloudMapping(ctx.db, ctx.actor, input)),
  previewTemplate: manage.input(ZPreviewInput).output(ZPreview).query(({ ctx, input }) => previewTemplate(ctx.db, input)),

  /** The message log (also a customer's or an invoice's messages). */
  messages: read.input(ZMessageListInput).output(ZMessagePage).query(({ ctx, input }) => listMessageLog(ctx.db, input)),
  /** A customer's opt-out (BERHENTI/STOP, or recorded by staff) and its lifting. */
  optOut: read.input(ZCustomerTarget).output(ZOptOutState).query(({ ctx, input }) => getCustomerOptOut(ctx.db, input.customerId)),
  setOptOut: send.input(ZSetOptOutInput).output(ZOptOutState).mutation(({ ctx, input }) => setCustomerOptOut(ctx.db, ctx.actor, input)),
  resend: send.input(ZMessageTarget).mutation(({ ctx, input }) => resendMessage(ctx.db, ctx.actor, input.id)),
  invoiceShare: send.input(z.object({ invoiceId: z.uuid() })).output(ZInvoiceShare).query(({ ctx, input }) => invoiceShare(ctx.db, input.invoiceId)),
  sendInvoice: send.input(ZSendInvoiceInput).output(ZSendInvoiceResult).mutation(({ ctx, input }) => sendInvoice(ctx.db, ctx.actor, input)),

  audience: manage.input(ZAudienceFilter).output(ZAudiencePreview).query(({ ctx, input }) => previewAudience(ctx.db, input)),
  broadcast: manage.input(ZBroadcastInput).output(ZBroadcastRow).mutation(({ ctx, input }) => sendBroadcast(ctx.db, ctx.actor, input)),
  broadcasts: manage.output(z.array(ZBroadcastRow)).query(({ ctx }) => listBroadcastRows(ctx.db)),
});
