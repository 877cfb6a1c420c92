"""On PostgreSQL, the audit trail refuses UPDATE and DELETE at the database level, so neither
the application nor a mistaken script can rewrite history. Two exceptions: Django's SET NULL of
the actor when a user row is deleted (the actor's e-mail stays), and a transaction that has set
`gandan.audit_redact` (the erasure of a household, gandan.audit.services.log_redact).
TRUNCATE (test database flush) is not affected. An expression index serves the log of a
household or member, found through the snapshot of the rows that point to it."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION gandan_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('gandan.audit_redact', true) = 'on' THEN
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL AND OLD.actor_id IS NOT NULL
     AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Nhật ký chỉ được ghi thêm, không được sửa hay xóa (%).', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS auditlog_logentry_append_only ON auditlog_logentry;
CREATE TRIGGER auditlog_logentry_append_only BEFORE UPDATE OR DELETE ON auditlog_logentry
  FOR EACH ROW EXECUTE FUNCTION gandan_audit_append_only();
CREATE INDEX IF NOT EXISTS auditlog_logentry_household_idx
  ON auditlog_logentry ((serialized_data #> '{fields,household}'));
CREATE INDEX IF NOT EXISTS auditlog_logentry_member_idx
  ON auditlog_logentry ((serialized_data #> '{fields,member}'));
"""

BACKWARD = """
DROP TRIGGER IF EXISTS auditlog_logentry_append_only ON auditlog_logentry;
DROP FUNCTION IF EXISTS gandan_audit_append_only();
DROP INDEX IF EXISTS auditlog_logentry_household_idx;
DROP INDEX IF EXISTS auditlog_logentry_member_idx;
"""


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARD, params=None)


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
