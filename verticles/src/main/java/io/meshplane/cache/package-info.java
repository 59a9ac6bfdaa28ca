/**
 * The read path: entity lookups through the tiers near cache → clustered Hazelcast map (L1) → Redis (L2) →
 * PostgreSQL (L3), with single-flight loads, negative caching and version-guarded fills.
 */
package io.meshplane.cache;
