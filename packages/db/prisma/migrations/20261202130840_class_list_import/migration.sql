-- AlterTable
ALTER TABLE "Student" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ClassListUpload" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sheets" JSONB,
    "plan" JSONB,
    "schoolYear" INTEGER,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "totals" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClassListUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolYearRollover" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "toYear" INTEGER NOT NULL,
    "actorId" TEXT NOT NULL,
    "totals" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolYearRollover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ClassListUpload_schoolId_createdAt_idx" ON "ClassListUpload"("schoolId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolYearRollover_schoolId_toYear_key" ON "SchoolYearRollover"("schoolId", "toYear");

-- AddForeignKey
ALTER TABLE "ClassListUpload" ADD CONSTRAINT "ClassListUpload_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SchoolYearRollover" ADD CONSTRAINT "SchoolYearRollover_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

