-- CreateTable
CREATE TABLE "SchoolReport" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "roundName" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "schoolUnitId" TEXT NOT NULL,
    "recipientUnitId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'not_sent',
    "late" BOOLEAN NOT NULL DEFAULT false,
    "periodFrom" DATE NOT NULL,
    "periodTo" DATE NOT NULL,
    "opensOn" DATE NOT NULL,
    "dueOn" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "prefilled" JSONB NOT NULL DEFAULT '{}',
    "corrections" JSONB NOT NULL DEFAULT '{}',
    "figures" JSONB NOT NULL DEFAULT '{}',
    "remarks" TEXT,
    "signedVersion" INTEGER,
    "signedById" TEXT,
    "signedAt" TIMESTAMP(3),
    "submittedAt" TIMESTAMP(3),
    "returnComment" TEXT,
    "returnedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "acceptedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SchoolReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SchoolReportVersion" (
    "id" TEXT NOT NULL,
    "reportId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "prefilled" JSONB NOT NULL,
    "corrections" JSONB NOT NULL,
    "figures" JSONB NOT NULL,
    "remarks" TEXT,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" BIGSERIAL NOT NULL,
    "reportId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "actorId" TEXT,
    "audienceRole" "RoleName",
    "audienceUnitId" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "txid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SchoolReport_recipientUnitId_campaignId_round_idx" ON "SchoolReport"("recipientUnitId", "campaignId", "round");

-- CreateIndex
CREATE INDEX "SchoolReport_schoolUnitId_idx" ON "SchoolReport"("schoolUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolReport_campaignId_round_schoolId_key" ON "SchoolReport"("campaignId", "round", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "SchoolReportVersion_reportId_version_key" ON "SchoolReportVersion"("reportId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ReportEvent_idempotencyKey_key" ON "ReportEvent"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ReportEvent_reportId_id_idx" ON "ReportEvent"("reportId", "id");

-- CreateIndex
CREATE INDEX "ReportEvent_txid_id_idx" ON "ReportEvent"("txid", "id");


-- The roll-up aggregates a campaign's cases per school in SQL (bench/rollup-province.ts): reach
-- them by campaign and school without scanning every year's cases.
CREATE INDEX "Case_campaignId_schoolId_idx" ON "Case"("campaignId", "schoolId");

-- The office's live view: wake every server's gateway when a report event commits.
CREATE FUNCTION "notify_report_event"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_notify(''report_event'', NEW."reportId")\x3b RETURN NULL\x3b END';

CREATE TRIGGER "report_event_notify" AFTER INSERT ON "ReportEvent"
  FOR EACH ROW EXECUTE FUNCTION "notify_report_event"();
