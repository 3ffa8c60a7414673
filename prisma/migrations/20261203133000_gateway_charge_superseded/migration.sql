-- A payment code that no longer matches what its invoice owes is superseded: never offered
-- again, and money arriving on it is listed for follow-up.
ALTER TABLE "GatewayCharge" ADD COLUMN "supersededAt" TIMESTAMPTZ(3);
