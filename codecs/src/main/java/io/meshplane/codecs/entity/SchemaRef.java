package io.meshplane.codecs.entity;

import java.util.Objects;

/** Points an entity's attributes at one version of a registered schema. */
public record SchemaRef(String subject, int version) {
  public SchemaRef {
    Objects.requireNonNull(subject, "subject");
  }
}
