-- Incident node and customer rows reach their tenant through (tenantId, incidentId), which
-- cascades from the tenant. A key of their own to Tenant only costs a check per row, and one
-- outage writes thousands of them.
ALTER TABLE "FtthIncidentNode" DROP CONSTRAINT "FtthIncidentNode_tenantId_fkey";
ALTER TABLE "FtthIncidentCustomer" DROP CONSTRAINT "FtthIncidentCustomer_tenantId_fkey";
