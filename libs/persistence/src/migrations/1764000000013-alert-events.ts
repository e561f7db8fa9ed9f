import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts as a stream of events for the web app: every alert raised or resolved takes the next
 * number of one sequence, and PostgreSQL tells every listening API instance (NOTIFY hearth_alert
 * with that number only: no personal data crosses the channel). A client that reconnects asks
 * for the events after the last number it saw (Server-Sent Events' Last-Event-ID).
 */
export class AlertEvents1764000000013 implements MigrationInterface {
  name = 'AlertEvents1764000000013';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SEQUENCE alert_event_seq`);
    await db.query(`ALTER TABLE alert ADD COLUMN event_seq bigint`);
    await db.query(`UPDATE alert SET event_seq = numbered.seq FROM (SELECT id, nextval('alert_event_seq') AS seq FROM (SELECT id FROM alert ORDER BY raised_at, id) ordered) numbered WHERE numbered.id = alert.id`);
    await db.query(`ALTER TABLE alert ALTER COLUMN event_seq SET DEFAULT nextval('alert_event_seq'), ALTER COLUMN event_seq SET NOT NULL`);
    await db.query(`CREATE INDEX alert_by_event ON alert (event_seq)`);
    await db.query(`
      CREATE FUNCTION alert_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.resolved_at IS NOT DISTINCT FROM OLD.resolved_at THEN RETURN NEW; END IF;
          NEW.event_seq := nextval('alert_event_seq');
        END IF;
        PERFORM pg_notify('hearth_alert', NEW.event_seq::text);
        RETURN NEW;
      END $$`);
    await db.query(`CREATE TRIGGER alert_event BEFORE INSERT OR UPDATE ON alert FOR EACH ROW EXECUTE FUNCTION alert_event()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER alert_event ON alert`);
    await db.query(`DROP FUNCTION alert_event()`);
    await db.query(`ALTER TABLE alert DROP COLUMN event_seq`);
    await db.query(`DROP SEQUENCE alert_event_seq`);
  }
}
