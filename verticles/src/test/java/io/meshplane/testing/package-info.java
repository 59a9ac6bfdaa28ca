/** Test support: per-class databases, Redis processes, the shared Kafka broker, in-JVM nodes, blocked-thread guard. */
package io.meshplane.testing;
