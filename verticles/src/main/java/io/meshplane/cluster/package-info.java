/** The embedded Hazelcast member: how a node joins its peers and leaves them. */
package io.meshplane.cluster;
