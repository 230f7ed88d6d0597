-- CreateEnum
CREATE TYPE "NotificationMail" AS ENUM ('PENDING', 'SENDING', 'SENT', 'UNCONFIRMED', 'SKIPPED');

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "round" TEXT NOT NULL,
    "facts" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMP(3),
    "mail" "NotificationMail" NOT NULL DEFAULT 'PENDING',
    "messageId" TEXT NOT NULL,
    "mailAttempts" INTEGER NOT NULL DEFAULT 0,
    "mailError" TEXT,
    "mailSentAt" TIMESTAMP(3),
    "smtpResponse" TEXT,
    "digestId" TEXT,
    "dispatchedAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "mailOff" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quietStart" INTEGER NOT NULL DEFAULT 1260,
    "quietEnd" INTEGER NOT NULL DEFAULT 360,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
    "language" TEXT NOT NULL DEFAULT 'vi',
    "digestHour" INTEGER,
    "unsubscribed" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_dispatchedAt_createdAt_idx" ON "Notification"("dispatchedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_taskId_kind_userId_round_key" ON "Notification"("taskId", "kind", "userId", "round");


-- A new bell item wakes every server process (LISTEN notification_new), which tells the
-- person's sockets, and the outbox relay wakes on it too. Bodies are E'' strings with \x3b.
CREATE FUNCTION "notify_notification_new"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_notify(''notification_new'', NEW."userId")\x3b RETURN NULL\x3b END';

CREATE TRIGGER "notification_new" AFTER INSERT ON "Notification"
  FOR EACH ROW EXECUTE FUNCTION "notify_notification_new"();
