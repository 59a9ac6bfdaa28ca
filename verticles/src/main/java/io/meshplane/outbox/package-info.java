/** The transactional outbox relay: catalog changes committed in PostgreSQL, published to Kafka at least once. */
package io.meshplane.outbox;
