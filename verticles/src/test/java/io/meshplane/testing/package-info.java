/**
 * Test support: per-class databases, Redis processes, the shared Kafka broker, in-JVM nodes, nodes in processes of
 * their own ({@link io.meshplane.testing.ProcessCluster}) with the traffic and acknowledgement ledgers that check
 * them, blocked-thread guard.
 */
package io.meshplane.testing;
