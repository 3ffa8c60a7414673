-- CreateEnum
CREATE TYPE "FtthNodeType" AS ENUM ('olt', 'odc', 'odp');

-- CreateEnum
CREATE TYPE "FtthNodeStatus" AS ENUM ('up', 'down', 'maintenance');

-- CreateEnum
CREATE TYPE "FtthIncidentStatus" AS ENUM ('suspected', 'open', 'resolved', 'dismissed');

-- CreateEnum
CREATE TYPE "FtthIncidentSource" AS ENUM ('manual', 'health', 'detector');

-- CreateTable
CREATE TABLE "FtthNode" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "type" "FtthNodeType" NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION NOT NULL,
    "longitude" DOUBLE PRECISION NOT NULL,
    "status" "FtthNodeStatus" NOT NULL DEFAULT 'up',
    "ports" INTEGER NOT NULL,
    "splitterRatio" TEXT,
    "area" TEXT,
    "installedOn" DATE,
    "photoUrl" TEXT,
    "notes" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FtthNode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FtthLink" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "parentId" UUID NOT NULL,
    "childId" UUID NOT NULL,
    "parentPort" INTEGER,
    "route" JSONB,
    "lengthM" INTEGER,
    "lossDb" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FtthLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FtthDrop" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "odpId" UUID NOT NULL,
    "port" INTEGER NOT NULL,
    "customerId" UUID NOT NULL,
    "lengthM" INTEGER,
    "lossDb" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FtthDrop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FtthIncident" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "FtthIncidentStatus" NOT NULL,
    "source" "FtthIncidentSource" NOT NULL,
    "causeNodeId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "resolvedAt" TIMESTAMPTZ(3),
    "affectedNodes" INTEGER NOT NULL,
    "affectedCustomers" INTEGER NOT NULL,
    "notes" TEXT,
    "assigneeId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FtthIncident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FtthIncidentNode" (
    "tenantId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "nodeId" UUID NOT NULL,

    CONSTRAINT "FtthIncidentNode_pkey" PRIMARY KEY ("tenantId","incidentId","nodeId")
);

-- CreateTable
CREATE TABLE "FtthIncidentCustomer" (
    "tenantId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "notified" BOOLEAN NOT NULL,

    CONSTRAINT "FtthIncidentCustomer_pkey" PRIMARY KEY ("tenantId","incidentId","customerId")
);

-- CreateTable
CREATE TABLE "FtthIncidentEvent" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "incidentId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "note" TEXT,

    CONSTRAINT "FtthIncidentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FtthSettings" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "suspectMinDrops" INTEGER NOT NULL DEFAULT 4,
    "suspectWindowSeconds" INTEGER NOT NULL DEFAULT 120,

    CONSTRAINT "FtthSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FtthNode_tenantId_type_idx" ON "FtthNode"("tenantId", "type");

-- CreateIndex
CREATE INDEX "FtthNode_tenantId_latitude_longitude_idx" ON "FtthNode"("tenantId", "latitude", "longitude");

-- CreateIndex
CREATE UNIQUE INDEX "FtthNode_tenantId_id_key" ON "FtthNode"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FtthNode_tenantId_code_key" ON "FtthNode"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "FtthLink_tenantId_id_key" ON "FtthLink"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FtthLink_tenantId_childId_key" ON "FtthLink"("tenantId", "childId");

-- CreateIndex
CREATE UNIQUE INDEX "FtthLink_tenantId_parentId_parentPort_key" ON "FtthLink"("tenantId", "parentId", "parentPort");

-- CreateIndex
CREATE UNIQUE INDEX "FtthDrop_tenantId_id_key" ON "FtthDrop"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FtthDrop_tenantId_odpId_port_key" ON "FtthDrop"("tenantId", "odpId", "port");

-- CreateIndex
CREATE UNIQUE INDEX "FtthDrop_tenantId_customerId_key" ON "FtthDrop"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "FtthIncident_tenantId_status_startedAt_idx" ON "FtthIncident"("tenantId", "status", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "FtthIncident_tenantId_id_key" ON "FtthIncident"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FtthIncident_tenantId_number_key" ON "FtthIncident"("tenantId", "number");

-- CreateIndex
CREATE INDEX "FtthIncidentNode_tenantId_nodeId_idx" ON "FtthIncidentNode"("tenantId", "nodeId");

-- CreateIndex
CREATE INDEX "FtthIncidentCustomer_tenantId_customerId_idx" ON "FtthIncidentCustomer"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "FtthIncidentEvent_tenantId_incidentId_at_idx" ON "FtthIncidentEvent"("tenantId", "incidentId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "FtthIncidentEvent_tenantId_id_key" ON "FtthIncidentEvent"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "FtthSettings_tenantId_key" ON "FtthSettings"("tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "FtthSettings_tenantId_id_key" ON "FtthSettings"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "FtthNode" ADD CONSTRAINT "FtthNode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthLink" ADD CONSTRAINT "FtthLink_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthLink" ADD CONSTRAINT "FtthLink_tenantId_parentId_fkey" FOREIGN KEY ("tenantId", "parentId") REFERENCES "FtthNode"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthLink" ADD CONSTRAINT "FtthLink_tenantId_childId_fkey" FOREIGN KEY ("tenantId", "childId") REFERENCES "FtthNode"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthDrop" ADD CONSTRAINT "FtthDrop_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthDrop" ADD CONSTRAINT "FtthDrop_tenantId_odpId_fkey" FOREIGN KEY ("tenantId", "odpId") REFERENCES "FtthNode"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthDrop" ADD CONSTRAINT "FtthDrop_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncident" ADD CONSTRAINT "FtthIncident_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncident" ADD CONSTRAINT "FtthIncident_tenantId_causeNodeId_fkey" FOREIGN KEY ("tenantId", "causeNodeId") REFERENCES "FtthNode"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncident" ADD CONSTRAINT "FtthIncident_tenantId_assigneeId_fkey" FOREIGN KEY ("tenantId", "assigneeId") REFERENCES "User"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentNode" ADD CONSTRAINT "FtthIncidentNode_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentNode" ADD CONSTRAINT "FtthIncidentNode_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "FtthIncident"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentNode" ADD CONSTRAINT "FtthIncidentNode_tenantId_nodeId_fkey" FOREIGN KEY ("tenantId", "nodeId") REFERENCES "FtthNode"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentCustomer" ADD CONSTRAINT "FtthIncidentCustomer_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentCustomer" ADD CONSTRAINT "FtthIncidentCustomer_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "FtthIncident"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentCustomer" ADD CONSTRAINT "FtthIncidentCustomer_tenantId_customerId_fkey" FOREIGN KEY ("tenantId", "customerId") REFERENCES "Customer"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentEvent" ADD CONSTRAINT "FtthIncidentEvent_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthIncidentEvent" ADD CONSTRAINT "FtthIncidentEvent_tenantId_incidentId_fkey" FOREIGN KEY ("tenantId", "incidentId") REFERENCES "FtthIncident"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FtthSettings" ADD CONSTRAINT "FtthSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Rules the database keeps as well as the service.
ALTER TABLE "FtthNode" ADD CONSTRAINT "FtthNode_ports_check" CHECK ("ports" BETWEEN 1 AND 1024);
ALTER TABLE "FtthNode" ADD CONSTRAINT "FtthNode_location_check" CHECK ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180);
ALTER TABLE "FtthLink" ADD CONSTRAINT "FtthLink_not_self_check" CHECK ("parentId" <> "childId");
ALTER TABLE "FtthDrop" ADD CONSTRAINT "FtthDrop_port_check" CHECK ("port" >= 1);
