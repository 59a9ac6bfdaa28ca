-- The catalog: entities and the edges between them. Ids are client-chosen; the API validates their shape.

CREATE TABLE mp_entity (
  id             text        PRIMARY KEY,
  type           text        NOT NULL,
  domain         text,
  source_system  text,
  owner          text,
  tags           text[]      NOT NULL DEFAULT '{}',
  attributes     jsonb       NOT NULL DEFAULT '{}'::jsonb,
  schema_subject text,
  schema_version integer,
  version        bigint      NOT NULL CHECK (version > 0),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  deleted_at     timestamptz,
  CONSTRAINT mp_entity_attributes_object CHECK (jsonb_typeof(attributes) = 'object'),
  CONSTRAINT mp_entity_schema_ref CHECK ((schema_subject IS NULL) = (schema_version IS NULL))
);
CREATE INDEX mp_entity_type_idx ON mp_entity (type) WHERE deleted_at IS NULL;
CREATE INDEX mp_entity_domain_type_idx ON mp_entity (domain, type) WHERE deleted_at IS NULL;
CREATE INDEX mp_entity_tags_idx ON mp_entity USING gin (tags);

CREATE TABLE mp_relationship (
  from_id    text        NOT NULL REFERENCES mp_entity (id),
  type       text        NOT NULL,
  to_id      text        NOT NULL REFERENCES mp_entity (id),
  properties jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (from_id, type, to_id)
);
CREATE INDEX mp_relationship_to_idx ON mp_relationship (to_id, type);

CREATE TABLE mp_lineage (
  upstream_id    text        NOT NULL REFERENCES mp_entity (id),
  downstream_id  text        NOT NULL REFERENCES mp_entity (id),
  transformation text,
  job            text,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (upstream_id, downstream_id)
);
CREATE INDEX mp_lineage_downstream_idx ON mp_lineage (downstream_id);

CREATE TABLE mp_schema (
  subject       text        NOT NULL,
  version       integer     NOT NULL CHECK (version > 0),
  format        text        NOT NULL CHECK (format IN ('json-schema', 'avro')),
  definition    text        NOT NULL,
  fingerprint   text        NOT NULL,
  compatibility text        NOT NULL DEFAULT 'BACKWARD' CHECK (compatibility IN ('BACKWARD', 'FORWARD', 'FULL', 'NONE')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (subject, version),
  UNIQUE (subject, fingerprint)
);
