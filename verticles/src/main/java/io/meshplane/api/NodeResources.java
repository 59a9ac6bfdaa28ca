package io.meshplane.api;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.Lookup;
import io.meshplane.cache.SingleFlight;
import io.meshplane.kafka.KafkaAdmin;
import io.meshplane.kafka.KafkaSender;

/**
 * What every HTTP verticle instance of a node shares: the Hazelcast member, the node-wide single-flight table, the
 * Kafka producer and the broker probe.
 */
public record NodeResources(HazelcastInstance hazelcast, SingleFlight<String, Lookup> singleFlight,
    KafkaSender kafka, KafkaAdmin kafkaAdmin) {}
