-- AlterTable
ALTER TABLE "WhatsAppMessage" ADD COLUMN     "claimedBy" TEXT,
ADD COLUMN     "leaseUntil" TIMESTAMPTZ(3);
