-- The walled garden's redirect target (the isolated customer's pay page). NULL keeps the tenant's own host.
ALTER TABLE "Tenant" ADD COLUMN "isolationRedirectUrl" TEXT;
