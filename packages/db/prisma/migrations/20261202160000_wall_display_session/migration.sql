-- CreateTable
CREATE TABLE "DisplaySession" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pairHash" TEXT,
    "pairExpires" TIMESTAMP(3),
    "tokenHash" TEXT,
    "pairedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "DisplaySession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DisplaySession_pairHash_key" ON "DisplaySession"("pairHash");

-- CreateIndex
CREATE UNIQUE INDEX "DisplaySession_tokenHash_key" ON "DisplaySession"("tokenHash");

-- CreateIndex
CREATE INDEX "DisplaySession_unitId_idx" ON "DisplaySession"("unitId");

-- wall (issue 14): revoking or deleting a display wakes every live gateway at once, as a
-- session's deletion does. The payload names the display, 'display:<id>'.
-- Prisma's JS engine splits scripts at every semicolon: the body is an E'' string with \x3b.
CREATE FUNCTION "notify_display_changed"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE r record\x3b BEGIN IF TG_OP = ''DELETE'' THEN r := OLD\x3b ELSE r := NEW\x3b END IF\x3b PERFORM pg_notify(''access_changed'', ''display:'' || r.id)\x3b RETURN NULL\x3b END';

CREATE TRIGGER "display_access_changed" AFTER UPDATE OF "revokedAt" OR DELETE ON "DisplaySession"
  FOR EACH ROW EXECUTE FUNCTION "notify_display_changed"();
