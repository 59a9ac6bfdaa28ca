package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;

/** The result of one lookup: the entry (present, tombstone or unknown) and the tier it came from. */
public record Lookup(CachedEntity entry, Tier tier) {}
