package io.meshplane.schema;

import io.meshplane.problem.ProblemException;

/** The schema languages the registry accepts, by the name clients and the database use. */
public enum SchemaFormat {
  JSON_SCHEMA("json-schema"),
  AVRO("avro");

  private final String wireName;

  SchemaFormat(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static SchemaFormat fromWireName(Object name) {
    for (SchemaFormat format : values()) {
      if (format.wireName.equals(name)) {
        return format;
      }
    }
    throw ProblemException.badRequest("'format' must be \"json-schema\" or \"avro\"");
  }
}
