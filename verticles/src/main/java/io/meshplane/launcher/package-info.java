/** Starting and stopping a node: configuration, schema, Hazelcast, verticles, graceful shutdown. */
package io.meshplane.launcher;
