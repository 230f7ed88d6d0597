-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "CaseHelper" ADD COLUMN     "asked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "note" TEXT;

