-- Every change to any route takes the next number of one sequence, so "max(version) moved" tells a node that
-- something changed (a create, an update or a delete) with one cheap query.
CREATE SEQUENCE mp_route_version_seq;
ALTER TABLE mp_route ALTER COLUMN version SET DEFAULT nextval('mp_route_version_seq');
CREATE INDEX mp_route_version_idx ON mp_route (version);
