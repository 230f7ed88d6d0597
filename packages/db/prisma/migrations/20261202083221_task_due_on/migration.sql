-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "dueOn" DATE;


-- Tasks opened from the campaign calendar before this column existed: their deadline instant is
-- the end of the due day in Vietnam's time (the real case clock), so the day is the one before
-- that midnight.
UPDATE "Task"
SET "dueOn" = (("dueAt" - interval '1 millisecond') AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
WHERE "dueAt" IS NOT NULL AND "type" IN ('file_checkin', 'draft_evaluation');
