package io.meshplane.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.Poll;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The node's statements keep reading by key as a table grows. A prepared statement's plan is cached per connection;
 * one planned while {@code mp_entity} was small — batches of many ids read from a table of a few pages — is a
 * sequential scan, and PostgreSQL keeps it until the next ANALYZE, which autovacuum may run late, or never where it
 * is off. Seen in the load harness: writes at a tenth of their speed, PostgreSQL spending 35 times the CPU per write
 * on sequential scans of 100k rows.
 */
class KeyedLookupPlansIT {
  private static final Duration STATISTICS_IDLE_INTERVAL = Duration.ofSeconds(11);
  private static final String SEQUENTIAL_SCANS =
      "SELECT seq_scan FROM pg_stat_user_tables WHERE relname = 'mp_entity'";
  private static final int CLIENTS = 40;

  @Test
  void writesKeepUsingThePrimaryKeyAfterTheTableGrewUnderCachedPlans() throws SQLException, InterruptedException {
    try (NodeFixture fixture = NodeFixture.start()) {
      // as on a machine with autovacuum off: no ANALYZE comes to replace the cached plans
      fixture.database().execute("ALTER TABLE mp_entity SET (autovacuum_enabled = false)");
      Http http = fixture.http();
      // concurrent writes of new ids while the table is a few pages: group commit reads them in batches, and every
      // pooled connection plans (and, after five runs, caches) its statements for a table that small
      writeConcurrently(http, "urn:plans:early:", 8 * CLIENTS);
      // the table grows, as it does under load; nothing analyses it
      fixture.database().execute("INSERT INTO mp_entity (id, type, attributes, version) SELECT 'urn:grown:' || n, "
          + "'t', '{}', 1 FROM generate_series(1, 50000) AS n");
      long before = settledSequentialScans(fixture);

      writeConcurrently(http, "urn:plans:late:", 2 * CLIENTS);

      assertThat(settledSequentialScans(fixture) - before)
          .as("sequential scans of mp_entity while %d entities were written", 2 * CLIENTS).isZero();
    }
  }

  private static void writeConcurrently(Http http, String prefix, int writes) throws InterruptedException {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int i = 0; i < writes; i++) {
        String id = prefix + i;
        clients.execute(() -> statuses.merge(http.put("/v1/entities/" + id, "{\"type\":\"t\",\"attributes\":{}}")
            .statusCode(), 1, Integer::sum));
      }
    } finally {
      clients.shutdown();
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(statuses).isEqualTo(Map.of(201, writes));
  }

  /**
   * The counter once every backend has reported: a backend reports when it goes idle, at the latest after
   * PostgreSQL's 10 s idle interval, so the counter has settled when it stays the same for longer than that.
   */
  private static long settledSequentialScans(NodeFixture fixture) {
    long[] last = {-1};
    Poll.until(() -> {
      long now = fixture.database().queryLong(SEQUENTIAL_SCANS);
      boolean settled = now == last[0];
      last[0] = now;
      return settled;
    }, Duration.ofSeconds(90), STATISTICS_IDLE_INTERVAL, "the statistics of mp_entity settling");
    return last[0];
  }
}
