/** Horizontal scale, proven with nodes in processes of their own: cross-node convergence, routing, the outbox. */
package io.meshplane.scale;
