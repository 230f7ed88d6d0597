-- CreateTable
CREATE TABLE "CommendationProposal" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "note" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "signedById" TEXT,
    "signedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommendationProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommendationProposal_campaignId_status_idx" ON "CommendationProposal"("campaignId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CommendationProposal_campaignId_schoolId_subjectType_subjec_key" ON "CommendationProposal"("campaignId", "schoolId", "subjectType", "subjectUserId");

