/** Liveness and readiness: what a load balancer or Kubernetes asks before sending traffic to a node. */
package io.meshplane.health;
