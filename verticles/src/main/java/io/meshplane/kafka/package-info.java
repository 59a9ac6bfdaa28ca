/** Kafka plumbing shared by the outbox relay, the ingress and the router: producing without blocking an event loop. */
package io.meshplane.kafka;
