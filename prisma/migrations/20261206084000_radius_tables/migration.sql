-- FreeRADIUS's rlm_sql tables (server/modules/radius, deploy/freeradius), each row with its tenant.
-- CreateTable
CREATE TABLE "nas" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "router_id" UUID NOT NULL,
    "nasname" TEXT NOT NULL,
    "shortname" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'other',
    "secret" TEXT NOT NULL,
    "description" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "nas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radcheck" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "attribute" TEXT NOT NULL,
    "op" VARCHAR(2) NOT NULL DEFAULT '==',
    "value" TEXT NOT NULL,

    CONSTRAINT "radcheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radreply" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "attribute" TEXT NOT NULL,
    "op" VARCHAR(2) NOT NULL DEFAULT '=',
    "value" TEXT NOT NULL,

    CONSTRAINT "radreply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radgroupcheck" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "groupname" TEXT NOT NULL,
    "attribute" TEXT NOT NULL,
    "op" VARCHAR(2) NOT NULL DEFAULT '==',
    "value" TEXT NOT NULL,

    CONSTRAINT "radgroupcheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radgroupreply" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "groupname" TEXT NOT NULL,
    "attribute" TEXT NOT NULL,
    "op" VARCHAR(2) NOT NULL DEFAULT '=',
    "value" TEXT NOT NULL,

    CONSTRAINT "radgroupreply_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radusergroup" (
    "id" SERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "groupname" TEXT NOT NULL,
    "priority" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "radusergroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "radacct" (
    "radacctid" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "acctsessionid" TEXT NOT NULL,
    "acctuniqueid" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "realm" TEXT,
    "nasipaddress" INET NOT NULL,
    "nasportid" TEXT,
    "nasporttype" TEXT,
    "acctstarttime" TIMESTAMPTZ(6),
    "acctupdatetime" TIMESTAMPTZ(6),
    "acctstoptime" TIMESTAMPTZ(6),
    "acctinterval" BIGINT,
    "acctsessiontime" BIGINT,
    "acctauthentic" TEXT,
    "connectinfo_start" TEXT,
    "connectinfo_stop" TEXT,
    "acctinputoctets" BIGINT,
    "acctoutputoctets" BIGINT,
    "calledstationid" TEXT,
    "callingstationid" TEXT,
    "acctterminatecause" TEXT,
    "servicetype" TEXT,
    "framedprotocol" TEXT,
    "framedipaddress" INET,
    "framedipv6address" INET,
    "framedipv6prefix" INET,
    "framedinterfaceid" TEXT,
    "delegatedipv6prefix" INET,
    "class" TEXT,

    CONSTRAINT "radacct_pkey" PRIMARY KEY ("radacctid")
);

-- CreateTable
CREATE TABLE "radpostauth" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "reply" TEXT NOT NULL,
    "reason" TEXT,
    "nasipaddress" INET,
    "calledstationid" TEXT,
    "callingstationid" TEXT,
    "authdate" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "class" TEXT,

    CONSTRAINT "radpostauth_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "nas_nasname_key" ON "nas"("nasname");

-- CreateIndex
CREATE UNIQUE INDEX "nas_tenant_id_router_id_key" ON "nas"("tenant_id", "router_id");

-- CreateIndex
CREATE UNIQUE INDEX "radcheck_tenant_id_username_attribute_key" ON "radcheck"("tenant_id", "username", "attribute");

-- CreateIndex
CREATE INDEX "radreply_tenant_id_username_idx" ON "radreply"("tenant_id", "username");

-- CreateIndex
CREATE INDEX "radgroupcheck_tenant_id_groupname_idx" ON "radgroupcheck"("tenant_id", "groupname");

-- CreateIndex
CREATE INDEX "radgroupreply_tenant_id_groupname_idx" ON "radgroupreply"("tenant_id", "groupname");

-- CreateIndex
CREATE INDEX "radusergroup_tenant_id_username_idx" ON "radusergroup"("tenant_id", "username");

-- CreateIndex
CREATE INDEX "radacct_tenant_id_username_acctstarttime_idx" ON "radacct"("tenant_id", "username", "acctstarttime");

-- CreateIndex
CREATE UNIQUE INDEX "radacct_tenant_id_acctuniqueid_key" ON "radacct"("tenant_id", "acctuniqueid");

-- CreateIndex
CREATE INDEX "radpostauth_tenant_id_authdate_idx" ON "radpostauth"("tenant_id", "authdate");

-- CreateIndex
CREATE INDEX "radpostauth_tenant_id_username_authdate_idx" ON "radpostauth"("tenant_id", "username", "authdate");

-- AddForeignKey
ALTER TABLE "nas" ADD CONSTRAINT "nas_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "nas" ADD CONSTRAINT "nas_tenant_id_router_id_fkey" FOREIGN KEY ("tenant_id", "router_id") REFERENCES "Router"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radcheck" ADD CONSTRAINT "radcheck_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radreply" ADD CONSTRAINT "radreply_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radgroupcheck" ADD CONSTRAINT "radgroupcheck_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radgroupreply" ADD CONSTRAINT "radgroupreply_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radusergroup" ADD CONSTRAINT "radusergroup_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radacct" ADD CONSTRAINT "radacct_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "radpostauth" ADD CONSTRAINT "radpostauth_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Open sessions: online-now per user, the simultaneous-use check, stale-session closing per NAS.
CREATE INDEX "radacct_open_user_idx" ON "radacct"("tenant_id", "username") WHERE "acctstoptime" IS NULL;
CREATE INDEX "radacct_open_nas_idx" ON "radacct"("tenant_id", "nasipaddress", "acctupdatetime") WHERE "acctstoptime" IS NULL;

-- The least-privilege role FreeRADIUS logs in through (a LOGIN member of it): it reads the
-- auth tables and writes only accounting and post-auth. The role itself is cluster-wide and
-- needs CREATEROLE, so it is created before migrating: by scripts/lib/services.sh locally, by
-- the DBA in production (docs/RADIUS.md).
GRANT SELECT ON "nas", "radcheck", "radreply", "radgroupcheck", "radgroupreply", "radusergroup" TO rrnet_radius;
GRANT SELECT, INSERT, UPDATE ON "radacct", "radpostauth" TO rrnet_radius;
GRANT USAGE ON SEQUENCE "radacct_radacctid_seq", "radpostauth_id_seq" TO rrnet_radius;
