package io.meshplane.testing;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * CloudEvents of one type a test posts to {@code /v1/events}, one per request with an id of their own, and the ids
 * the nodes acknowledged (202), in the order they did. A request that failed (connection refused or reset, 5xx) is
 * counted as refused: it was never acknowledged, whatever became of the event.
 */
public final class AcknowledgedEvents {
  private static final int PARTITION_KEYS = 97;

  private final String type;
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final List<String> acknowledged = new ArrayList<>();

  public AcknowledgedEvents(String type) {
    this.type = type;
  }

  /** Posts the next event; true when the node acknowledged it. */
  public boolean post(Http http) {
    long n = sequence.getAndIncrement();
    String id = type + "-" + n;
    JsonObject event = new JsonObject().put("specversion", "1.0").put("id", id).put("source", "/scale")
        .put("type", type).put("partitionkey", "k" + (n % PARTITION_KEYS)).put("data", new JsonObject().put("n", n));
    try {
      HttpResponse<String> response = http.post("/v1/events", event.encode(),
          "Content-Type", "application/cloudevents+json");
      if (response.statusCode() == 202) {
        synchronized (acknowledged) {
          acknowledged.add(id);
        }
        return true;
      }
    } catch (IllegalStateException e) {
      // the node is down or went down during the request
    }
    refused.incrementAndGet();
    return false;
  }

  public String type() {
    return type;
  }

  /** The acknowledged ids, in acknowledgement order. */
  public List<String> ids() {
    synchronized (acknowledged) {
      return List.copyOf(acknowledged);
    }
  }

  /** The ids acknowledged after the first {@code count}. */
  public List<String> idsAfter(int count) {
    List<String> ids = ids();
    return ids.subList(Math.min(count, ids.size()), ids.size());
  }

  public int count() {
    synchronized (acknowledged) {
      return acknowledged.size();
    }
  }

  public long refused() {
    return refused.get();
  }
}
