-- h13: a notification may be about a school's report round as well as a case's task. The key
-- becomes (subject, kind, recipient, round): the subject is the task's id for existing rows.

-- DropIndex
DROP INDEX "Notification_taskId_kind_userId_round_key";

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "reportId" TEXT,
ADD COLUMN     "subject" TEXT,
ALTER COLUMN "caseId" DROP NOT NULL,
ALTER COLUMN "taskId" DROP NOT NULL;

UPDATE "Notification" SET "subject" = "taskId";

ALTER TABLE "Notification" ALTER COLUMN "subject" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Notification_subject_kind_userId_round_key" ON "Notification"("subject", "kind", "userId", "round");
