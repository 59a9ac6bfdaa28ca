package io.meshplane.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.problem.ProblemException;
import io.meshplane.schema.AttributeValidators;
import io.meshplane.storage.PgClients;
import io.meshplane.testing.Await;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group commit against the real database: concurrent PUTs share transactions yet each is judged, answered and
 * recorded as if it had committed alone; one upsert's failure never takes the others of its batch with it.
 */
class GroupCommitIT {
  private static final Pattern BATCH_SIZE = Pattern.compile(
      "(?m)^meshplane_write_batch_size_(sum|count) ([0-9.eE+]+)$");
  private static final String ORDER_SCHEMA = "{\"type\":\"object\",\"properties\":{\"rows\":{\"type\":\"integer\"}},"
      + "\"required\":[\"rows\"]}";

  private static NodeFixture fixture;
  private static Http http;
  private static Vertx vertx;
  private static Pool pool;

  @BeforeAll
  static void start() {
    // one transaction at a time per event loop, so concurrent PUTs must queue and be committed together
    fixture = NodeFixture.start(settings -> settings.put("pg.write-pool-size", "1"));
    http = fixture.http();
    vertx = Vertx.vertx();
    pool = PgClients.writerPool(vertx, fixture.node().config().pg());
  }

  @AfterAll
  static void stop() {
    try {
      Await.result(pool.close());
      Await.result(vertx.close());
    } finally {
      fixture.close();
    }
  }

  @Test
  void concurrentPutsShareTransactionsAndEachIsRecordedExactlyOnce() throws Exception {
    int ids = 20;
    int writesPerId = 15;
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(40);
    try {
      for (int i = 0; i < ids * writesPerId; i++) {
        String id = "urn:gc:load:" + (i % ids);
        clients.execute(() -> {
          String body = "{\"type\":\"t\",\"attributes\":{\"n\":" + sequence.incrementAndGet() + "}}";
          statuses.merge(http.put("/v1/entities/" + id, body).statusCode(), 1, Integer::sum);
        });
      }
    } finally {
      clients.shutdown();
      assertThat(clients.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(statuses).isEqualTo(Map.of(201, ids, 200, ids * (writesPerId - 1)));
    var db = fixture.database();
    // every PUT changed its entity once: versions 1..n without a gap or a repeat, one event-log entry each
    assertThat(db.queryLong("SELECT count(*) FROM mp_entity WHERE id LIKE 'urn:gc:load:%' AND version = "
        + writesPerId)).isEqualTo(ids);
    assertThat(db.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id LIKE 'urn:gc:load:%'"))
        .isEqualTo((long) ids * writesPerId);
    assertThat(db.queryLong("SELECT count(*) FROM (SELECT DISTINCT entity_id, version FROM mp_event_log "
        + "WHERE entity_id LIKE 'urn:gc:load:%') AS changes")).isEqualTo((long) ids * writesPerId);
    // and they were committed by fewer transactions than there were writes
    assertThat(db.queryLong("SELECT count(DISTINCT xmin::text) FROM mp_event_log WHERE entity_id LIKE 'urn:gc:load:%'"))
        .isLessThan((long) ids * writesPerId);
    Map<String, Double> batches = batchSizeSeries(http.get("/metrics").body());
    assertThat(batches.get("sum")).isGreaterThan(batches.get("count"));
  }

  @Test
  void eachUpsertOfABatchIsJudgedAlone() throws Exception {
    assertThat(http.put("/v1/entities/urn:gc:judged:existing", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
    assertThat(http.put("/v1/entities/urn:gc:judged:same", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
    assertThat(http.post("/v1/schemas/gc.orders/versions", new JsonObject().put("format", "json-schema")
        .put("definition", new JsonObject(ORDER_SCHEMA)).encode(), "Content-Type", "application/json")
        .statusCode()).isEqualTo(201);
    String ordered = "{\"type\":\"t\",\"schemaRef\":{\"subject\":\"gc.orders\",\"version\":1},\"attributes\":";

    List<Outcome> outcomes = commitTogether(List.of(
        upsert("urn:gc:judged:new", "{\"type\":\"t\"}", Preconditions.NONE),
        upsert("urn:gc:judged:existing", "{\"type\":\"t2\"}", Preconditions.NONE),
        upsert("urn:gc:judged:same", "{\"type\":\"t\"}", Preconditions.NONE),
        upsert("urn:gc:judged:stale", "{\"type\":\"t\"}", Preconditions.fromHeaders("\"7\"", null)),
        upsert("urn:gc:judged:invalid", ordered + "{\"rows\":\"many\"}}", Preconditions.NONE),
        upsert("urn:gc:judged:valid", ordered + "{\"rows\":3}}", Preconditions.NONE),
        upsert("urn:gc:judged:new", "{\"type\":\"t3\"}", Preconditions.NONE)));

    assertThat(outcomes.get(0).result()).matches(r -> r.created() && r.version() == 1);
    assertThat(outcomes.get(1).result()).matches(r -> !r.created() && r.changed() && r.version() == 2);
    assertThat(outcomes.get(2).result()).matches(r -> !r.changed() && r.version() == 1);
    assertThat(outcomes.get(3).status()).isEqualTo(412);
    assertThat(outcomes.get(4).status()).isEqualTo(422);
    assertThat(outcomes.get(5).result()).matches(r -> r.created() && r.version() == 1);
    // the same id twice: the second waits for the next batch and applies on top of the first
    assertThat(outcomes.get(6).result()).matches(r -> r.changed() && r.version() == 2);

    var db = fixture.database();
    assertThat(db.queryLong("SELECT count(*) FROM mp_entity WHERE id IN ('urn:gc:judged:stale', "
        + "'urn:gc:judged:invalid')")).isZero();
    assertThat(db.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id IN ('urn:gc:judged:stale', "
        + "'urn:gc:judged:invalid', 'urn:gc:judged:same')")).isEqualTo(1);
    // everything accepted in the first batch committed in one transaction
    assertThat(db.queryLong("SELECT count(DISTINCT xmin::text) FROM mp_event_log WHERE (entity_id, version) IN "
        + "(('urn:gc:judged:new', 1), ('urn:gc:judged:existing', 2), ('urn:gc:judged:valid', 1))")).isOne();
  }

  @Test
  void anUpsertTheDatabaseRejectsFailsAloneAndTheRestOfItsBatchCommits() throws Exception {
    var db = fixture.database();
    db.execute("ALTER TABLE mp_entity ADD CONSTRAINT gc_refused_owner CHECK (owner IS DISTINCT FROM 'refused')");
    try {
      List<Outcome> outcomes = commitTogether(List.of(
          upsert("urn:gc:rejected:first", "{\"type\":\"t\"}", Preconditions.NONE),
          upsert("urn:gc:rejected:bad", "{\"type\":\"t\",\"owner\":\"refused\"}", Preconditions.NONE),
          upsert("urn:gc:rejected:last", "{\"type\":\"t\"}", Preconditions.NONE)));

      assertThat(outcomes.get(0).result()).matches(WriteResult::created);
      assertThat(outcomes.get(1).failure()).isInstanceOf(PgException.class);
      assertThat(outcomes.get(2).result()).matches(WriteResult::created);
      assertThat(db.queryLong("SELECT count(*) FROM mp_entity WHERE id LIKE 'urn:gc:rejected:%'")).isEqualTo(2);
      assertThat(db.queryLong("SELECT count(*) FROM mp_event_log WHERE entity_id = 'urn:gc:rejected:bad'")).isZero();
      assertThat(db.queryLong("SELECT count(*) FROM mp_outbox WHERE aggregate_id = 'urn:gc:rejected:bad'")).isZero();
    } finally {
      db.execute("ALTER TABLE mp_entity DROP CONSTRAINT gc_refused_owner");
    }
  }

  private record Upsert(String id, EntityInput input, Preconditions preconditions) {}

  /** What became of one upsert: its result, or the failure (its problem status when it is a client's mistake). */
  private record Outcome(WriteResult result, Throwable failure) {
    int status() {
      return ((ProblemException) failure).problem().status();
    }
  }

  private static Upsert upsert(String id, String body, Preconditions preconditions) {
    return new Upsert(id, EntityInputParser.parse(id, Buffer.buffer(body)), preconditions);
  }

  /**
   * Submits every upsert in one event-loop task to a group commit allowed one transaction at a time: the first
   * commits alone, everything after it is queued meanwhile and so goes into the next batches.
   */
  private static List<Outcome> commitTogether(List<Upsert> upserts) {
    DistributionSummary sizes = DistributionSummary.builder("batch").register(new SimpleMeterRegistry());
    GroupCommit groupCommit = new GroupCommit(pool, new AttributeValidators(), 1, 128, sizes);
    Promise<List<Outcome>> done = Promise.promise();
    vertx.runOnContext(task -> {
      try {
        submitAll(groupCommit, upserts, done);
      } catch (RuntimeException e) {
        done.fail(e);
      }
    });
    List<Outcome> outcomes = Await.result(done.future());
    assertThat(sizes.max()).isGreaterThan(1);
    return outcomes;
  }

  private static void submitAll(GroupCommit groupCommit, List<Upsert> upserts, Promise<List<Outcome>> done) {
    List<Future<WriteResult>> results = new ArrayList<>();
    results.add(groupCommit.submit("urn:gc:opening", EntityInputParser.parse("urn:gc:opening",
        Buffer.buffer("{\"type\":\"opening-" + System.nanoTime() + "\"}")), Preconditions.NONE,
        new Origin("test", null)));
    for (Upsert upsert : upserts) {
      results.add(groupCommit.submit(upsert.id(), upsert.input(), upsert.preconditions(),
          new Origin("test", null)));
    }
    Future.join(results).onComplete(joined -> done.complete(results.stream().skip(1)
        .map(result -> new Outcome(result.result(), result.cause())).toList()));
  }

  private static Map<String, Double> batchSizeSeries(String scrape) {
    Map<String, Double> series = new ConcurrentHashMap<>();
    Matcher matcher = BATCH_SIZE.matcher(scrape);
    while (matcher.find()) {
      series.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
    }
    return series;
  }
}
