package io.meshplane.cache;

/** The tier that answered a lookup, as reported in the {@code X-Cache} response header. */
public enum Tier {
  L1, L2, L3
}
