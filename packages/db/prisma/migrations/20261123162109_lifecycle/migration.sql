-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFTED', 'REVIEWED', 'SIGNED_OFF', 'RETURNED');

-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closureNote" TEXT,
ADD COLUMN     "closureReason" TEXT,
ADD COLUMN     "riskLevel" TEXT,
ADD COLUMN     "term" TEXT,
ADD COLUMN     "transferToSchoolId" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "payload" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "CheckIn" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "riskLevel" TEXT NOT NULL,
    "tutoringHours" DOUBLE PRECISION NOT NULL,
    "materialVnd" BIGINT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "filedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL,

    CONSTRAINT "CheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "status" "EvaluationStatus" NOT NULL,
    "content" JSONB NOT NULL,
    "decision" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "principalId" TEXT,
    "comment" TEXT,
    "draftedAt" TIMESTAMP(3) NOT NULL,
    "reviewedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckIn_month_idx" ON "CheckIn"("month");

-- CreateIndex
CREATE UNIQUE INDEX "CheckIn_caseId_month_key" ON "CheckIn"("caseId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_caseId_term_version_key" ON "Evaluation"("caseId", "term", "version");

-- AddForeignKey
ALTER TABLE "CheckIn" ADD CONSTRAINT "CheckIn_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

