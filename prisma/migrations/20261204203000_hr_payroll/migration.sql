-- CreateEnum
CREATE TYPE "EmploymentType" AS ENUM ('permanent', 'contract', 'probation', 'intern');

-- CreateEnum
CREATE TYPE "AttendanceReview" AS ENUM ('clear', 'flagged', 'accepted', 'corrected');

-- CreateEnum
CREATE TYPE "LeaveKind" AS ENUM ('annual', 'sick', 'permission');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('pending', 'approved', 'rejected', 'cancelled');

-- CreateEnum
CREATE TYPE "PayrollRunStatus" AS ENUM ('draft', 'reviewed', 'locked');

-- CreateTable
CREATE TABLE "PayrollRule" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "source" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PayrollRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HrSettings" (
    "tenantId" UUID NOT NULL,
    "officeName" TEXT,
    "officeLat" DOUBLE PRECISION,
    "officeLng" DOUBLE PRECISION,
    "geofenceRadiusM" INTEGER NOT NULL DEFAULT 150,
    "graceMinutes" INTEGER NOT NULL DEFAULT 10,
    "minimumWageIdr" INTEGER NOT NULL DEFAULT 0,
    "thrMonth" INTEGER,
    "thrHolidayDate" DATE,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "HrSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "WorkShift" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "endMinute" INTEGER NOT NULL,
    "weekdays" INTEGER[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WorkShift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Employee" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID,
    "shiftId" UUID,
    "employeeNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nikSealed" TEXT NOT NULL,
    "npwpSealed" TEXT,
    "ptkpStatus" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "joinDate" DATE NOT NULL,
    "endDate" DATE,
    "employmentType" "EmploymentType" NOT NULL,
    "bankName" TEXT NOT NULL,
    "bankAccountSealed" TEXT NOT NULL,
    "bankAccountHolder" TEXT NOT NULL,
    "bpjsKesehatanSealed" TEXT,
    "bpjsTkSealed" TEXT,
    "bpjsKesehatan" BOOLEAN NOT NULL DEFAULT true,
    "bpjsKetenagakerjaan" BOOLEAN NOT NULL DEFAULT true,
    "bpjsPension" BOOLEAN NOT NULL DEFAULT true,
    "jkkRiskClass" TEXT NOT NULL DEFAULT 'very_low',
    "baseSalaryIdr" INTEGER NOT NULL,
    "allowances" JSONB NOT NULL DEFAULT '[]',
    "deductions" JSONB NOT NULL DEFAULT '[]',
    "annualLeaveDays" INTEGER NOT NULL DEFAULT 12,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Employee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendanceRecord" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "workDate" DATE NOT NULL,
    "clockInAt" TIMESTAMPTZ(3),
    "clockInLat" DOUBLE PRECISION,
    "clockInLng" DOUBLE PRECISION,
    "clockInAccuracyM" INTEGER,
    "clockInDistanceM" INTEGER,
    "clockInPhotoId" UUID,
    "clockOutAt" TIMESTAMPTZ(3),
    "clockOutLat" DOUBLE PRECISION,
    "clockOutLng" DOUBLE PRECISION,
    "clockOutDistanceM" INTEGER,
    "clockOutPhotoId" UUID,
    "flags" TEXT[],
    "review" "AttendanceReview" NOT NULL DEFAULT 'clear',
    "lateMinutes" INTEGER NOT NULL DEFAULT 0,
    "earlyLeaveMinutes" INTEGER NOT NULL DEFAULT 0,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AttendanceRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttendancePhoto" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "mime" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttendancePhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LeaveRequest" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "kind" "LeaveKind" NOT NULL,
    "startDate" DATE NOT NULL,
    "endDate" DATE NOT NULL,
    "days" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "documentMime" TEXT,
    "document" BYTEA,
    "status" "LeaveStatus" NOT NULL DEFAULT 'pending',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaveRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayrollRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "period" TEXT NOT NULL,
    "status" "PayrollRunStatus" NOT NULL DEFAULT 'draft',
    "payThr" BOOLEAN NOT NULL DEFAULT false,
    "reviewedById" UUID,
    "reviewedAt" TIMESTAMPTZ(3),
    "lockedById" UUID,
    "lockedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PayrollRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayrollLine" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "employeeId" UUID NOT NULL,
    "snapshot" JSONB NOT NULL,
    "inputs" JSONB NOT NULL DEFAULT '{}',
    "payslip" JSONB NOT NULL,
    "grossIdr" INTEGER NOT NULL,
    "taxableGrossIdr" INTEGER NOT NULL,
    "deductibleIdr" INTEGER NOT NULL,
    "pph21Idr" INTEGER NOT NULL,
    "employeeBpjsIdr" INTEGER NOT NULL,
    "employerBpjsIdr" INTEGER NOT NULL,
    "takeHomeIdr" INTEGER NOT NULL,
    "employerCostIdr" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PayrollLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PayrollRule_kind_validFrom_key" ON "PayrollRule"("kind", "validFrom");

-- CreateIndex
CREATE UNIQUE INDEX "WorkShift_tenantId_id_key" ON "WorkShift"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WorkShift_tenantId_name_key" ON "WorkShift"("tenantId", "name");

-- CreateIndex
CREATE INDEX "Employee_tenantId_active_idx" ON "Employee"("tenantId", "active");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_tenantId_id_key" ON "Employee"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_tenantId_employeeNo_key" ON "Employee"("tenantId", "employeeNo");

-- CreateIndex
CREATE UNIQUE INDEX "Employee_tenantId_userId_key" ON "Employee"("tenantId", "userId");

-- CreateIndex
CREATE INDEX "AttendanceRecord_tenantId_workDate_idx" ON "AttendanceRecord"("tenantId", "workDate");

-- CreateIndex
CREATE INDEX "AttendanceRecord_tenantId_review_idx" ON "AttendanceRecord"("tenantId", "review");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceRecord_tenantId_id_key" ON "AttendanceRecord"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceRecord_tenantId_employeeId_workDate_key" ON "AttendanceRecord"("tenantId", "employeeId", "workDate");

-- CreateIndex
CREATE INDEX "AttendancePhoto_tenantId_employeeId_idx" ON "AttendancePhoto"("tenantId", "employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "AttendancePhoto_tenantId_id_key" ON "AttendancePhoto"("tenantId", "id");

-- CreateIndex
CREATE INDEX "LeaveRequest_tenantId_employeeId_startDate_idx" ON "LeaveRequest"("tenantId", "employeeId", "startDate");

-- CreateIndex
CREATE INDEX "LeaveRequest_tenantId_status_idx" ON "LeaveRequest"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "LeaveRequest_tenantId_id_key" ON "LeaveRequest"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PayrollRun_tenantId_id_key" ON "PayrollRun"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PayrollRun_tenantId_period_key" ON "PayrollRun"("tenantId", "period");

-- CreateIndex
CREATE INDEX "PayrollLine_tenantId_employeeId_idx" ON "PayrollLine"("tenantId", "employeeId");

-- CreateIndex
CREATE UNIQUE INDEX "PayrollLine_tenantId_id_key" ON "PayrollLine"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "PayrollLine_tenantId_runId_employeeId_key" ON "PayrollLine"("tenantId", "runId", "employeeId");

-- AddForeignKey
ALTER TABLE "HrSettings" ADD CONSTRAINT "HrSettings_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkShift" ADD CONSTRAINT "WorkShift_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Employee" ADD CONSTRAINT "Employee_tenantId_shiftId_fkey" FOREIGN KEY ("tenantId", "shiftId") REFERENCES "WorkShift"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceRecord" ADD CONSTRAINT "AttendanceRecord_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceRecord" ADD CONSTRAINT "AttendanceRecord_tenantId_employeeId_fkey" FOREIGN KEY ("tenantId", "employeeId") REFERENCES "Employee"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendancePhoto" ADD CONSTRAINT "AttendancePhoto_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LeaveRequest" ADD CONSTRAINT "LeaveRequest_tenantId_employeeId_fkey" FOREIGN KEY ("tenantId", "employeeId") REFERENCES "Employee"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollRun" ADD CONSTRAINT "PayrollRun_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollLine" ADD CONSTRAINT "PayrollLine_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollLine" ADD CONSTRAINT "PayrollLine_tenantId_runId_fkey" FOREIGN KEY ("tenantId", "runId") REFERENCES "PayrollRun"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayrollLine" ADD CONSTRAINT "PayrollLine_tenantId_employeeId_fkey" FOREIGN KEY ("tenantId", "employeeId") REFERENCES "Employee"("tenantId", "id") ON DELETE RESTRICT ON UPDATE CASCADE;


