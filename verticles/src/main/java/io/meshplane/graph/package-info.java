/** Graph reads: an entity's relationships, and its lineage walked upstream or downstream to a bounded depth. */
package io.meshplane.graph;
