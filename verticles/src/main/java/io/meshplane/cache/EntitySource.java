package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/** The source of truth below the caches. A missing id loads as {@link CachedEntity#unknown()}, never null. */
public interface EntitySource {
  Future<CachedEntity> load(String id);

  /** One round trip for many ids; every requested id is a key of the result. */
  Future<Map<String, CachedEntity>> loadAll(List<String> ids);
}
