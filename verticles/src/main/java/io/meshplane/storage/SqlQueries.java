package io.meshplane.storage;

/** Every SQL statement Meshplane runs, in one place, so the schema's users can be read at a glance. */
public final class SqlQueries {
  private SqlQueries() {}

  private static final String ENTITY_COLUMNS = "id, type, domain, source_system, owner, tags, attributes::text AS "
      + "attributes, schema_subject, schema_version, version, created_at, updated_at, deleted_at";

  public static final String SELECT_ENTITY = "SELECT " + ENTITY_COLUMNS + " FROM mp_entity WHERE id = $1";

  public static final String SELECT_ENTITIES = "SELECT " + ENTITY_COLUMNS + " FROM mp_entity WHERE id = ANY($1)";

  /** The most recently changed live entities: what a starting node loads into its caches. */
  public static final String SELECT_RECENT_ENTITIES = "SELECT " + ENTITY_COLUMNS + " FROM mp_entity "
      + "WHERE deleted_at IS NULL ORDER BY updated_at DESC LIMIT $1";

  /** Serialises writers of one id for the rest of the transaction, including the first write of a new id. */
  public static final String LOCK_ENTITY_ID = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";

  /**
   * Takes the locks of many ids (a batch of writes) in the order of their keys, so two batches that share ids cannot
   * deadlock; the same keys as {@link #LOCK_ENTITY_ID}.
   */
  public static final String LOCK_ENTITY_IDS = "SELECT pg_advisory_xact_lock(key) FROM (SELECT DISTINCT "
      + "hashtextextended(id, 0) AS key FROM unnest($1::text[]) AS id ORDER BY key) AS keys";

  public static final String INSERT_ENTITY = "INSERT INTO mp_entity (id, type, domain, source_system, owner, tags, "
      + "attributes, schema_subject, schema_version, version) "
      + "VALUES ($1, $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, 1) RETURNING " + ENTITY_COLUMNS;

  /**
   * Updates an entity, or revives its tombstone, only if something changes: an identical PUT returns no row and
   * leaves version, event log and outbox alone.
   */
  public static final String UPDATE_ENTITY = "UPDATE mp_entity SET type = $2, domain = $3, source_system = $4, "
      + "owner = $5, tags = $6, attributes = $7::text::jsonb, schema_subject = $8, schema_version = $9, "
      + "version = version + 1, updated_at = now(), "
      + "created_at = CASE WHEN deleted_at IS NULL THEN created_at ELSE now() END, deleted_at = NULL "
      + "WHERE id = $1 AND (deleted_at IS NOT NULL OR (type, domain, source_system, owner, tags, attributes, "
      + "schema_subject, schema_version) IS DISTINCT FROM ($2, $3, $4, $5, $6, $7::text::jsonb, $8, $9)) "
      + "RETURNING " + ENTITY_COLUMNS;

  public static final String TOMBSTONE_ENTITY = "UPDATE mp_entity SET version = version + 1, updated_at = now(), "
      + "deleted_at = now() WHERE id = $1 AND deleted_at IS NULL RETURNING " + ENTITY_COLUMNS;

  private static final String SCHEMA_COLUMNS = "subject, version, format, definition, fingerprint, compatibility, "
      + "created_at";

  /** Serialises registrations of one subject, so two cannot take the same version or judge against a stale latest. */
  public static final String LOCK_SCHEMA_SUBJECT = "SELECT pg_advisory_xact_lock(hashtextextended('schema:' || $1, 0))";

  public static final String SELECT_SCHEMA = "SELECT " + SCHEMA_COLUMNS + " FROM mp_schema "
      + "WHERE subject = $1 AND version = $2";

  public static final String SELECT_LATEST_SCHEMA = "SELECT " + SCHEMA_COLUMNS + " FROM mp_schema "
      + "WHERE subject = $1 ORDER BY version DESC LIMIT 1";

  public static final String SELECT_SCHEMA_BY_FINGERPRINT = "SELECT " + SCHEMA_COLUMNS + " FROM mp_schema "
      + "WHERE subject = $1 AND fingerprint = $2";

  public static final String INSERT_SCHEMA = "INSERT INTO mp_schema (subject, version, format, definition, "
      + "fingerprint, compatibility) VALUES ($1, $2, $3, $4, $5, $6) RETURNING " + SCHEMA_COLUMNS;

  public static final String SELECT_SCHEMA_VERSIONS = "SELECT version FROM mp_schema WHERE subject = $1 "
      + "ORDER BY version";

  public static final String SELECT_SCHEMA_SUBJECTS = "SELECT DISTINCT subject FROM mp_schema ORDER BY subject";

  public static final String INSERT_EVENT = "INSERT INTO mp_event_log (entity_id, kind, version, before, after, "
      + "actor, trace_id) VALUES ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7)";

  public static final String INSERT_OUTBOX = "INSERT INTO mp_outbox (aggregate_id, event_type, version, "
      + "previous_version, payload, trace_id) VALUES ($1, $2, $3, $4, $5::text::jsonb, $6)";

  /** Newest first; {@code $2} is the seq to continue below (exclusive). */
  public static final String SELECT_HISTORY = "SELECT seq, event_id, kind, version, before::text AS before, "
      + "after::text AS after, actor, trace_id, occurred_at FROM mp_event_log "
      + "WHERE entity_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3";

  /** Session-level lock that makes one node at a time the outbox relay; released when its connection ends. */
  public static final String TRY_OUTBOX_LEADERSHIP = "SELECT pg_try_advisory_lock(7318001)";

  /** The oldest rows first: commit order, hence per-entity order. */
  public static final String SELECT_OUTBOX_BATCH = "SELECT id, aggregate_id, event_type, version, previous_version, "
      + "payload::text AS payload, trace_id, created_at FROM mp_outbox ORDER BY id LIMIT $1";

  public static final String DELETE_OUTBOX_ROWS = "DELETE FROM mp_outbox WHERE id = ANY($1)";

  /** Creates or replaces a route (reviving a deleted one); {@code created} says whether none was live before. */
  public static final String UPSERT_ROUTE = "WITH previous AS (SELECT deleted_at FROM mp_route WHERE name = $1) "
      + "INSERT INTO mp_route (name, definition, enabled, version, updated_at, deleted_at) "
      + "VALUES ($1, $2::text::jsonb, $3, nextval('mp_route_version_seq'), now(), NULL) "
      + "ON CONFLICT (name) DO UPDATE SET definition = EXCLUDED.definition, enabled = EXCLUDED.enabled, "
      + "version = EXCLUDED.version, updated_at = now(), deleted_at = NULL "
      + "RETURNING version, NOT EXISTS (SELECT 1 FROM previous WHERE deleted_at IS NULL) AS created";

  public static final String DELETE_ROUTE = "UPDATE mp_route SET deleted_at = now(), "
      + "version = nextval('mp_route_version_seq') WHERE name = $1 AND deleted_at IS NULL RETURNING version";

  public static final String SELECT_ROUTES = "SELECT name, definition::text AS definition, version FROM mp_route "
      + "WHERE deleted_at IS NULL ORDER BY name";

  public static final String SELECT_ROUTE = "SELECT name, definition::text AS definition, version FROM mp_route "
      + "WHERE name = $1 AND deleted_at IS NULL";

  /** Moves whenever any route is created, changed or deleted. */
  public static final String SELECT_ROUTES_VERSION = "SELECT coalesce(max(version), 0) FROM mp_route";

  /** Which of the ids name live (not deleted) entities. */
  public static final String SELECT_LIVE_IDS = "SELECT id FROM mp_entity WHERE id = ANY($1) AND deleted_at IS NULL";

  public static final String NEXT_EDGE_CHANGE = "SELECT nextval('mp_edge_change_seq')";

  /** Inserts or changes the properties; no row back means it existed with these properties already. */
  public static final String UPSERT_RELATIONSHIP = "INSERT INTO mp_relationship (from_id, type, to_id, properties) "
      + "VALUES ($1, $2, $3, $4::text::jsonb) ON CONFLICT (from_id, type, to_id) DO UPDATE "
      + "SET properties = EXCLUDED.properties WHERE mp_relationship.properties IS DISTINCT FROM EXCLUDED.properties "
      + "RETURNING (xmax = 0) AS created, created_at";

  public static final String DELETE_RELATIONSHIP = "DELETE FROM mp_relationship WHERE from_id = $1 AND type = $2 "
      + "AND to_id = $3 RETURNING properties::text AS properties";

  private static final String RELATIONSHIP_COLUMNS = "SELECT from_id, type, to_id, properties::text AS properties, "
      + "created_at FROM mp_relationship ";

  /** $2 null = any type. */
  public static final String SELECT_RELATIONSHIPS_OUT = RELATIONSHIP_COLUMNS
      + "WHERE from_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY type, to_id LIMIT 1000";

  public static final String SELECT_RELATIONSHIPS_IN = RELATIONSHIP_COLUMNS
      + "WHERE to_id = $1 AND ($2::text IS NULL OR type = $2) ORDER BY type, from_id LIMIT 1000";

  public static final String UPSERT_LINEAGE = "INSERT INTO mp_lineage (upstream_id, downstream_id, transformation, job) "
      + "VALUES ($1, $2, $3, $4) ON CONFLICT (upstream_id, downstream_id) DO UPDATE "
      + "SET transformation = EXCLUDED.transformation, job = EXCLUDED.job "
      + "WHERE (mp_lineage.transformation, mp_lineage.job) IS DISTINCT FROM (EXCLUDED.transformation, EXCLUDED.job) "
      + "RETURNING (xmax = 0) AS created";

  public static final String DELETE_LINEAGE = "DELETE FROM mp_lineage WHERE upstream_id = $1 AND downstream_id = $2 "
      + "RETURNING transformation";

  /**
   * Breadth-first walk of the lineage graph from $1 to depth $2 through live entities. UNION drops repeated (node,
   * depth) pairs, so a cycle only repeats up to the depth bound; the LIMIT ($3) on the walk stops it early.
   */
  public static final String WALK_DOWNSTREAM = walk("upstream_id", "downstream_id");

  public static final String WALK_UPSTREAM = walk("downstream_id", "upstream_id");

  /** The edges among a set of nodes. */
  public static final String SELECT_LINEAGE_AMONG = "SELECT upstream_id, downstream_id, transformation, job "
      + "FROM mp_lineage WHERE upstream_id = ANY($1) AND downstream_id = ANY($1)";

  private static String walk(String from, String to) {
    return "WITH RECURSIVE walk(id, depth) AS (SELECT $1::text, 0 UNION "
        + "SELECT l." + to + ", w.depth + 1 FROM walk w JOIN mp_lineage l ON l." + from + " = w.id "
        + "JOIN mp_entity e ON e.id = l." + to + " AND e.deleted_at IS NULL WHERE w.depth < $2) "
        // the limit sits on the walk itself, so no plan (a hash join, say) can make the walk run past it first
        + "SELECT w.id, w.depth, e.type, e.domain FROM (SELECT id, depth FROM walk LIMIT $3) w "
        + "JOIN mp_entity e ON e.id = w.id";
  }

  public static final String PING = "SELECT 1";
}
