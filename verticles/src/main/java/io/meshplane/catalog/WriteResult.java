package io.meshplane.catalog;

/**
 * The outcome of an upsert: the stored entity's JSON and version, and whether the write created it (201) and whether
 * it changed anything at all (an identical PUT changes nothing and records nothing).
 */
public record WriteResult(byte[] json, long version, boolean created, boolean changed) {}
