-- The immutable audit trail of every change, and the outbox that carries each change to Kafka.

CREATE TABLE mp_event_log (
  seq         bigserial   PRIMARY KEY,
  event_id    uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
  entity_id   text        NOT NULL,
  kind        text        NOT NULL,
  version     bigint,
  before      jsonb,
  after       jsonb,
  actor       text,
  trace_id    text,
  occurred_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mp_event_log_entity_idx ON mp_event_log (entity_id, seq DESC);

-- Append-only, enforced by the database itself: no role, not even the application's, may rewrite history.
CREATE FUNCTION mp_event_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'mp_event_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER mp_event_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON mp_event_log
  FOR EACH ROW EXECUTE FUNCTION mp_event_log_reject_change();
CREATE TRIGGER mp_event_log_no_truncate
  BEFORE TRUNCATE ON mp_event_log
  FOR EACH STATEMENT EXECUTE FUNCTION mp_event_log_reject_change();

-- Written in the same transaction as the change; a row is removed only after the broker acknowledged it.
CREATE TABLE mp_outbox (
  id               bigserial   PRIMARY KEY,
  aggregate_id     text        NOT NULL,
  event_type       text        NOT NULL,
  version          bigint      NOT NULL,
  previous_version bigint,
  payload          jsonb,
  trace_id         text,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mp_outbox_aggregate_idx ON mp_outbox (aggregate_id, id);

-- Routing rules, versioned: a change bumps the version so every node can pick it up without restart.
CREATE TABLE mp_route (
  name        text        PRIMARY KEY,
  definition  jsonb       NOT NULL,
  enabled     boolean     NOT NULL DEFAULT true,
  version     bigint      NOT NULL CHECK (version > 0),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  deleted_at  timestamptz
);
