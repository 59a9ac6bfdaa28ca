package io.meshplane.catalog;

import io.vertx.core.Promise;

/** One accepted PUT waiting for its group commit; {@code result} completes on the request's own context. */
record PendingUpsert(String id, EntityInput input, Preconditions preconditions, Origin origin,
    Promise<WriteResult> result) {}
