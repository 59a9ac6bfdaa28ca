package io.meshplane.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Entity upserts a test sends, and those a node acknowledged (2xx) with the version the node gave them. A change is
 * named as on the changes topic ({@code ce_id}): {@code <entity id>@<version>}. A request that failed (connection
 * refused or reset, 5xx) is counted as refused: never acknowledged, whether it committed or not.
 */
public final class AcknowledgedWrites {
  private final List<String> changes = new ArrayList<>();
  private final Map<String, Long> latest = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /** PUTs {@code id} with {@code attributes} (a JSON object); true when the node acknowledged it. */
  public boolean put(Http http, String id, String attributes) {
    try {
      HttpResponse<String> response = http.put("/v1/entities/" + id,
          "{\"type\":\"dataset\",\"attributes\":" + attributes + "}");
      if (response.statusCode() == 200 || response.statusCode() == 201) {
        String etag = response.headers().firstValue("ETag").orElseThrow();
        long version = Long.parseLong(etag.substring(1, etag.length() - 1));
        latest.merge(id, version, Math::max);
        synchronized (changes) {
          changes.add(id + "@" + version);
        }
        return true;
      }
    } catch (IllegalStateException e) {
      // the node is down or went down during the request
    }
    refused.incrementAndGet();
    return false;
  }

  /** The acknowledged changes as {@code id@version}, in acknowledgement order. */
  public List<String> changes() {
    synchronized (changes) {
      return List.copyOf(changes);
    }
  }

  public int count() {
    synchronized (changes) {
      return changes.size();
    }
  }

  public long refused() {
    return refused.get();
  }

  /**
   * Every acknowledged write is in PostgreSQL: its entity at that version or a later one, and the change in the
   * event log.
   */
  public void assertStoredIn(TestDatabase database) {
    Map<String, Long> stored = new HashMap<>();
    Set<String> logged = new HashSet<>();
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT id, version FROM mp_entity")) {
        while (rows.next()) {
          stored.put(rows.getString(1), rows.getLong(2));
        }
      }
      try (ResultSet rows = statement.executeQuery("SELECT entity_id || '@' || version FROM mp_event_log")) {
        while (rows.next()) {
          logged.add(rows.getString(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    latest.forEach((id, version) -> assertThat(stored.getOrDefault(id, 0L))
        .as("stored version of %s, acknowledged at %d", id, version).isGreaterThanOrEqualTo(version));
    List<String> acknowledged = changes();
    assertThat(logged).as("the event log").containsAll(acknowledged);
  }
}
