package io.meshplane.api;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.CacheMetrics;
import io.meshplane.cache.Lookup;
import io.meshplane.cache.SingleFlight;
import io.meshplane.kafka.KafkaAdmin;
import io.meshplane.kafka.KafkaSender;
import io.meshplane.observability.Tracing;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What every verticle instance of a node shares: the Hazelcast member, the node-wide single-flight table, the Kafka
 * producer and admin client, the metrics registry with the read path's meters, the tracer and the per-client write
 * rate limiter.
 */
public record NodeResources(HazelcastInstance hazelcast, SingleFlight<String, Lookup> singleFlight,
    KafkaSender kafka, KafkaAdmin kafkaAdmin, PrometheusMeterRegistry registry, CacheMetrics cacheMetrics,
    Tracing tracing, WriteRateLimiter writeLimiter) {}
