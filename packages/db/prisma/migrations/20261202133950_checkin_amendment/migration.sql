-- CreateTable
CREATE TABLE "CheckInAmendment" (
    "id" TEXT NOT NULL,
    "checkInId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "previousReport" JSONB NOT NULL,
    "previousRiskLevel" TEXT NOT NULL,
    "previousTutoringHours" DOUBLE PRECISION NOT NULL,
    "previousMaterialVnd" BIGINT NOT NULL,
    "report" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "amendedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckInAmendment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CheckInAmendment_checkInId_idx" ON "CheckInAmendment"("checkInId");

-- AddForeignKey
ALTER TABLE "CheckInAmendment" ADD CONSTRAINT "CheckInAmendment_checkInId_fkey" FOREIGN KEY ("checkInId") REFERENCES "CheckIn"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

