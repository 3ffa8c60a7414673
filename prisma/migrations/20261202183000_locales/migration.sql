-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('id', 'en');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "defaultLocale" "Locale" NOT NULL DEFAULT 'id';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" "Locale";

-- AlterTable
ALTER TABLE "PlatformAdmin" ADD COLUMN     "locale" "Locale";

