/** Metrics: the node's Prometheus registry, Vert.x's own meters, and Meshplane's cache, outbox and router meters. */
package io.meshplane.observability;
