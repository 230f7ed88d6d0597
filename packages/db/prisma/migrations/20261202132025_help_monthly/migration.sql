-- CreateTable
CREATE TABLE "HelpMonthly" (
    "campaignId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "quantity" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "valueVnd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "HelpMonthly_pkey" PRIMARY KEY ("campaignId","schoolId","authorId","month","measure")
);

-- CreateTable
CREATE TABLE "HelpMonthlySource" (
    "checkInId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,

    CONSTRAINT "HelpMonthlySource_pkey" PRIMARY KEY ("checkInId")
);

-- CreateIndex
CREATE INDEX "HelpMonthly_schoolId_month_idx" ON "HelpMonthly"("schoolId", "month");


-- Help given per campaign, school, teacher and month (docs/reports.md), kept in step with
-- CheckIn by a trigger, in the check-in's own transaction: filing adds its numbers, an amendment
-- moves them (old out, new in, under the school first counted), a deletion takes them out.
-- Prisma's JS engine splits scripts at every semicolon: bodies are E'' strings with \x3b.
CREATE FUNCTION "help_monthly_add"(camp text, school text, author text, mon text, report jsonb, hours float8, sgn int)
  RETURNS void LANGUAGE plpgsql AS
  E'BEGIN INSERT INTO "HelpMonthly" ("campaignId", "schoolId", "authorId", month, measure, quantity, "valueVnd") SELECT camp, school, author, mon, x.measure, sgn * x.q, sgn * x.v FROM ( SELECT ''checkins'' AS measure, 1::float8 AS q, 0::float8 AS v UNION ALL SELECT ''sessions'', COALESCE((report->''tutoring''->>''sessions'')::float8, 0), 0 UNION ALL SELECT ''hours'', COALESCE(hours, 0), 0 UNION ALL SELECT ''visits'', COALESCE((report->''familyContact''->>''visits'')::float8, 0), 0 UNION ALL SELECT ''material:'' || COALESCE(m.kind, ''other''), COALESCE(sum(m.quantity), 0), COALESCE(sum(m."valueVnd"), 0) FROM jsonb_to_recordset(CASE WHEN jsonb_typeof(report->''material'') = ''array'' THEN report->''material'' ELSE ''[]''::jsonb END) AS m(kind text, quantity float8, "valueVnd" float8) GROUP BY m.kind ) x ON CONFLICT ("campaignId", "schoolId", "authorId", month, measure) DO UPDATE SET quantity = "HelpMonthly".quantity + EXCLUDED.quantity, "valueVnd" = "HelpMonthly"."valueVnd" + EXCLUDED."valueVnd"\x3b END';

CREATE FUNCTION "help_monthly_track"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE camp text\x3b school text\x3b BEGIN IF TG_OP IN (''UPDATE'', ''DELETE'') THEN SELECT "campaignId", "schoolId" INTO camp, school FROM "HelpMonthlySource" WHERE "checkInId" = OLD.id\x3b IF camp IS NOT NULL THEN PERFORM "help_monthly_add"(camp, school, OLD."authorId", OLD.month, OLD.report, OLD."tutoringHours", -1)\x3b END IF\x3b END IF\x3b IF TG_OP IN (''INSERT'', ''UPDATE'') THEN IF camp IS NULL THEN SELECT "campaignId", "schoolId" INTO camp, school FROM "Case" WHERE id = NEW."caseId"\x3b INSERT INTO "HelpMonthlySource" ("checkInId", "campaignId", "schoolId") VALUES (NEW.id, camp, school) ON CONFLICT ("checkInId") DO NOTHING\x3b END IF\x3b PERFORM "help_monthly_add"(camp, school, NEW."authorId", NEW.month, NEW.report, NEW."tutoringHours", 1)\x3b ELSE DELETE FROM "HelpMonthlySource" WHERE "checkInId" = OLD.id\x3b END IF\x3b RETURN NULL\x3b END';

CREATE TRIGGER "checkin_help_monthly" AFTER INSERT OR UPDATE OR DELETE ON "CheckIn"
  FOR EACH ROW EXECUTE FUNCTION "help_monthly_track"();

-- The check-ins filed before this migration.
INSERT INTO "HelpMonthlySource" ("checkInId", "campaignId", "schoolId")
  SELECT k.id, c."campaignId", c."schoolId" FROM "CheckIn" k JOIN "Case" c ON c.id = k."caseId";

SELECT "help_monthly_add"(c."campaignId", c."schoolId", k."authorId", k.month, k.report, k."tutoringHours", 1)
  FROM "CheckIn" k JOIN "Case" c ON c.id = k."caseId";
