-- Trigram search over ids and types where the pg_trgm extension is installed; without it, nothing else depends on it.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXECUTE 'CREATE INDEX mp_entity_id_trgm_idx ON mp_entity USING gin (id gin_trgm_ops)';
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm not available, entity search index skipped: %', SQLERRM;
END;
$$;
