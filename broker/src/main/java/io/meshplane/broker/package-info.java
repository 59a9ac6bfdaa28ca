/** A real single-node Apache Kafka broker (KRaft) in this JVM or as its own process, for local runs and tests. */
package io.meshplane.broker;
