-- CreateEnum
CREATE TYPE "HelperRole" AS ENUM ('PRIMARY', 'CO_HELPER');

-- CreateEnum
CREATE TYPE "HelperStatus" AS ENUM ('OFFERED', 'ACTIVE', 'DECLINED', 'EXPIRED', 'ENDED');

-- CreateEnum
CREATE TYPE "PlanStatus" AS ENUM ('SUBMITTED', 'APPROVED', 'RETURNED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "sponsorName" TEXT,
ADD COLUMN     "sponsorNote" TEXT;

-- CreateTable
CREATE TABLE "CaseHelper" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "HelperRole" NOT NULL,
    "status" "HelperStatus" NOT NULL,
    "offeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "respondedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "reason" TEXT,

    CONSTRAINT "CaseHelper_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HelpPlan" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "PlanStatus" NOT NULL,
    "goals" JSONB NOT NULL,
    "kinds" TEXT[],
    "authorId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "comment" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedAt" TIMESTAMP(3),

    CONSTRAINT "HelpPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaseHelper_userId_status_idx" ON "CaseHelper"("userId", "status");

-- CreateIndex
CREATE INDEX "CaseHelper_caseId_status_idx" ON "CaseHelper"("caseId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "HelpPlan_caseId_version_key" ON "HelpPlan"("caseId", "version");

-- AddForeignKey
ALTER TABLE "CaseHelper" ADD CONSTRAINT "CaseHelper_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseHelper" ADD CONSTRAINT "CaseHelper_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HelpPlan" ADD CONSTRAINT "HelpPlan_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

