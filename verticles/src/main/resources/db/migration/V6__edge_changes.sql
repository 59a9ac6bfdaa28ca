-- Relationship and lineage changes are numbered by one sequence: their event-log and outbox rows carry that number
-- where entity changes carry the entity's version.
CREATE SEQUENCE mp_edge_change_seq;
CREATE INDEX mp_relationship_from_idx ON mp_relationship (from_id, type);
