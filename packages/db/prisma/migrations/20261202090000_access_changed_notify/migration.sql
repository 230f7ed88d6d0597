-- Revocation at once: every change to who a signed-in person is or what they may see wakes the
-- live gateways of every server process (LISTEN access_changed), which re-check that user's
-- open sockets. The payload is the user's id, or '*' when a unit moved (anyone's scope may have).
-- Written as triggers so every path (sign-out, password change or reset, disabling, role edits,
-- session clean-up) notifies, and only when its transaction commits.
-- Prisma's JS engine splits scripts at every semicolon: bodies are E'' strings with \x3b.
CREATE FUNCTION "notify_access_changed"() RETURNS trigger LANGUAGE plpgsql AS
  E'DECLARE r record\x3b BEGIN IF TG_OP = ''DELETE'' THEN r := OLD\x3b ELSE r := NEW\x3b END IF\x3b IF TG_TABLE_NAME = ''User'' THEN PERFORM pg_notify(''access_changed'', r.id)\x3b ELSIF TG_TABLE_NAME = ''Unit'' THEN PERFORM pg_notify(''access_changed'', ''*'')\x3b ELSE PERFORM pg_notify(''access_changed'', r."userId")\x3b END IF\x3b RETURN NULL\x3b END';

CREATE TRIGGER "session_access_changed" AFTER DELETE ON "Session"
  FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();

CREATE TRIGGER "role_access_changed" AFTER INSERT OR UPDATE OR DELETE ON "RoleAssignment"
  FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();

CREATE TRIGGER "user_access_changed" AFTER UPDATE OF "disabledAt" ON "User"
  FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();

CREATE TRIGGER "unit_access_changed" AFTER UPDATE OF "parentId" ON "Unit"
  FOR EACH ROW EXECUTE FUNCTION "notify_access_changed"();
