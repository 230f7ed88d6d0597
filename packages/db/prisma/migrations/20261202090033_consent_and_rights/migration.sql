-- AlterTable
ALTER TABLE "Case" ADD COLUMN     "personalDataEraseOn" DATE,
ADD COLUMN     "personalDataErasedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LegalBasis" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalBasis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseConsent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "current" BOOLEAN NOT NULL DEFAULT true,
    "basis" TEXT NOT NULL,
    "givenOn" DATE NOT NULL,
    "guardianNameSealed" TEXT,
    "guardianRelation" TEXT,
    "method" TEXT,
    "formNumber" TEXT,
    "formSignedOn" DATE,
    "witnessIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "childAge" INTEGER,
    "childConsentRequired" BOOLEAN NOT NULL DEFAULT false,
    "childAgreed" BOOLEAN,
    "coversHelp" BOOLEAN NOT NULL DEFAULT false,
    "coversSchoolProcessing" BOOLEAN NOT NULL DEFAULT false,
    "coversOfficeSharing" BOOLEAN NOT NULL DEFAULT false,
    "legalBasisId" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "withdrawnBy" TEXT,
    "withdrawnOn" DATE,
    "withdrawalNoteSealed" TEXT,
    "withdrawalRecordedById" TEXT,
    "withdrawalRecordedAt" TIMESTAMP(3),

    CONSTRAINT "CaseConsent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubjectRequest" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "requesterNameSealed" TEXT NOT NULL,
    "requesterRelation" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "answeredById" TEXT,

    CONSTRAINT "SubjectRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCorrection" (
    "id" TEXT NOT NULL,
    "studentId" TEXT NOT NULL,
    "caseId" TEXT,
    "requestId" TEXT,
    "field" TEXT NOT NULL,
    "oldValueSealed" TEXT,
    "newValueSealed" TEXT,
    "reasonSealed" TEXT NOT NULL,
    "correctedById" TEXT NOT NULL,
    "correctedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataCorrection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BreachRecord" (
    "id" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "notifyBy" TIMESTAMP(3) NOT NULL,
    "description" TEXT NOT NULL,
    "categories" TEXT[],
    "affectedCount" INTEGER,
    "measures" TEXT,
    "notifiedAt" TIMESTAMP(3),
    "notificationRef" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BreachRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalHold" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "reasonSealed" TEXT NOT NULL,
    "placedById" TEXT NOT NULL,
    "placedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "liftedAt" TIMESTAMP(3),
    "liftedById" TEXT,

    CONSTRAINT "LegalHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LegalBasis_code_key" ON "LegalBasis"("code");

-- CreateIndex
CREATE UNIQUE INDEX "CaseConsent_caseId_version_key" ON "CaseConsent"("caseId", "version");

-- CreateIndex
CREATE INDEX "SubjectRequest_caseId_receivedAt_idx" ON "SubjectRequest"("caseId", "receivedAt");

-- CreateIndex
CREATE INDEX "SubjectRequest_answeredAt_dueAt_idx" ON "SubjectRequest"("answeredAt", "dueAt");

-- CreateIndex
CREATE INDEX "DataCorrection_studentId_correctedAt_idx" ON "DataCorrection"("studentId", "correctedAt");

-- CreateIndex
CREATE INDEX "BreachRecord_detectedAt_idx" ON "BreachRecord"("detectedAt");

-- CreateIndex
CREATE INDEX "LegalHold_caseId_liftedAt_idx" ON "LegalHold"("caseId", "liftedAt");

-- AddForeignKey
ALTER TABLE "CaseConsent" ADD CONSTRAINT "CaseConsent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseConsent" ADD CONSTRAINT "CaseConsent_legalBasisId_fkey" FOREIGN KEY ("legalBasisId") REFERENCES "LegalBasis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubjectRequest" ADD CONSTRAINT "SubjectRequest_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCorrection" ADD CONSTRAINT "DataCorrection_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "SubjectRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalHold" ADD CONSTRAINT "LegalHold_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One current consent (or legal basis) per case: older recordings stay as its history.
CREATE UNIQUE INDEX "CaseConsent_one_current" ON "CaseConsent"("caseId") WHERE "current";

-- Erasure under the personal-data law: the case history and the audit trail stay append-only,
-- except for the erasure itself. A transaction that set donghanh.erasure = 'on' (SET LOCAL, only
-- packages/db's erasure does) may replace a case event's payload (with its allow-listed codes)
-- and clear an audit row's free-text reason, and nothing else: every other column must stay.
CREATE OR REPLACE FUNCTION "forbid_case_event_change"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''donghanh.erasure'', true) = ''on'' AND NEW.id = OLD.id AND NEW."caseId" = OLD."caseId" AND NEW.type = OLD.type AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" AND NEW."idempotencyKey" = OLD."idempotencyKey" AND NEW.txid = OLD.txid AND NEW."createdAt" = OLD."createdAt" THEN RETURN NEW\x3b END IF\x3b RAISE EXCEPTION ''CaseEvent is append-only''\x3b END';

CREATE OR REPLACE FUNCTION "forbid_audit_change"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''UPDATE'' AND current_setting(''donghanh.erasure'', true) = ''on'' AND NEW.reason IS NULL AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW."actorId" = OLD."actorId" AND NEW.action = OLD.action AND NEW."subjectType" = OLD."subjectType" AND NEW."subjectId" = OLD."subjectId" AND NEW."caseId" IS NOT DISTINCT FROM OLD."caseId" AND NEW.ip IS NOT DISTINCT FROM OLD.ip THEN RETURN NEW\x3b END IF\x3b RAISE EXCEPTION ''AuditLog is append-only''\x3b END';
