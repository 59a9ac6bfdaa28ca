package io.meshplane.api;

import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.Lookup;
import io.meshplane.cache.SingleFlight;

/** What every HTTP verticle instance of a node shares: the Hazelcast member and the node-wide single-flight table. */
public record NodeResources(HazelcastInstance hazelcast, SingleFlight<String, Lookup> singleFlight) {}
