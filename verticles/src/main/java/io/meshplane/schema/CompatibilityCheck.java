package io.meshplane.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.SchemaCompatibility;

/** Checks a candidate version against the latest one under a subject's mode; answers what breaks, empty if nothing. */
public final class CompatibilityCheck {
  static final String NEW = "the new schema";
  static final String OLD = "the old schema";

  private CompatibilityCheck() {}

  public static List<String> incompatibilities(CompatibilityMode mode, SchemaDefinition latest,
      SchemaDefinition candidate) {
    if (mode == CompatibilityMode.NONE) {
      return List.of();
    }
    if (latest.format() != candidate.format()) {
      return List.of("the format changes from " + latest.format().wireName() + " to "
          + candidate.format().wireName() + "; neither can read data written with the other");
    }
    List<String> issues = new ArrayList<>();
    if (mode.newReadsOld()) {
      issues.addAll(readerWriter(candidate, latest, NEW, OLD));
    }
    if (mode.oldReadsNew()) {
      issues.addAll(readerWriter(latest, candidate, OLD, NEW));
    }
    return issues;
  }

  private static List<String> readerWriter(SchemaDefinition reader, SchemaDefinition writer, String readerName,
      String writerName) {
    if (reader instanceof JsonSchemaDefinition jsonReader && writer instanceof JsonSchemaDefinition jsonWriter) {
      return JsonSchemaCompatibility.incompatibilities(jsonReader.schema(), jsonWriter.schema(), readerName,
          writerName);
    }
    SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(
        ((AvroDefinition) reader).schema(), ((AvroDefinition) writer).schema());
    return result.getResult().getIncompatibilities().stream()
        .map(incompatibility -> incompatibility.getLocation() + ": " + readerName + " cannot read data written with "
            + writerName + ": " + incompatibility.getType() + " " + incompatibility.getMessage())
        .toList();
  }
}
