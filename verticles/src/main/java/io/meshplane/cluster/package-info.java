/** The embedded Hazelcast member: how a node joins its peers and leaves them, and how its async results reach an event loop. */
package io.meshplane.cluster;
