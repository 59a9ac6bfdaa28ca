-- The trigram index on mp_entity.id also answers "=" (pg_trgm does since PostgreSQL 14), and the planner chose it
-- over the primary key for joins on id before the table was analysed: each probe cost ~2.6 ms instead of ~0.004 ms
-- (a 1,000-node lineage walk took 2.7 s). Nothing searches ids by similarity yet; a search feature should index an
-- expression (e.g. lower(id)) that equality on id cannot match.
DROP INDEX IF EXISTS mp_entity_id_trgm_idx;
