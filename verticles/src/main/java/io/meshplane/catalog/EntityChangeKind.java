package io.meshplane.catalog;

/** What a write did to an entity: the event-log kind and the CloudEvents type its outbox row will carry. */
public enum EntityChangeKind {
  CREATED("entity.created", "io.meshplane.entity.upserted"),
  UPDATED("entity.updated", "io.meshplane.entity.upserted"),
  DELETED("entity.deleted", "io.meshplane.entity.deleted");

  private final String eventLogKind;
  private final String cloudEventType;

  EntityChangeKind(String eventLogKind, String cloudEventType) {
    this.eventLogKind = eventLogKind;
    this.cloudEventType = cloudEventType;
  }

  public String eventLogKind() {
    return eventLogKind;
  }

  public String cloudEventType() {
    return cloudEventType;
  }
}
