/**
 * The write path: validated catalog changes committed to PostgreSQL together with their event-log and outbox rows in
 * one transaction, then published to the cache tiers.
 */
package io.meshplane.catalog;
