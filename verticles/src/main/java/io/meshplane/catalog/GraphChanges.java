package io.meshplane.catalog;

import io.vertx.core.Future;

/**
 * Told after a commit that changed the lineage graph: an edge added or removed, or an entity deleted or revived.
 * Whatever caches graph answers forgets them.
 */
public interface GraphChanges {
  Future<Void> changed();
}
