package io.meshplane.outbox;

import io.meshplane.config.MeshplaneConfig;
import io.meshplane.config.OutboxConfig;
import io.meshplane.api.NodeResources;
import io.meshplane.kafka.KafkaSender;
import io.meshplane.observability.Tracing;
import io.meshplane.storage.PgClients;
import io.meshplane.storage.SqlQueries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes outbox rows to the changes topic, oldest first, and deletes a batch only after the broker acknowledged
 * every record of it. One node at a time relays: leadership is a PostgreSQL advisory lock held by a dedicated
 * connection, so it moves to another node by itself when the leader dies. While the broker is down nothing is
 * deleted; the relay backs off and the outbox drains once the broker answers again.
 *
 * <p>The relay has a {@linkplain KafkaSender#failFast fail-fast} producer of its own: when one record of a batch
 * fails, none sent after it can reach the topic, and the next attempt starts again from the oldest row with a new
 * producer. So a consumer may see a change twice, but never an entity's version before the ones preceding it.
 */
public final class OutboxRelayVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayVerticle.class);
  private static final long LEADERSHIP_RETRY_MS = 1000;

  private final MeshplaneConfig config;
  private final String clientId;
  private final Tracing tracing;
  private final Counter published;
  private final Timer publishLag;
  private Pool pool;
  // volatile: the leadership gauge reads it from the thread that serves /metrics
  private volatile PgConnection lockConnection;
  private KafkaSender sender;
  private long backoffMs;
  private boolean stopping;

  public OutboxRelayVerticle(MeshplaneConfig config, NodeResources node) {
    MeterRegistry registry = node.registry();
    this.config = config;
    this.clientId = "meshplane-outbox-" + node.hazelcast().getCluster().getLocalMember().getUuid();
    this.tracing = node.tracing();
    this.published = Counter.builder("meshplane.outbox.published")
        .description("outbox rows the broker acknowledged").register(registry);
    this.publishLag = Timer.builder("meshplane.outbox.publish.lag")
        .description("from a change's commit to the broker's acknowledgement of its event")
        .publishPercentiles(0.5, 0.99).register(registry);
    Gauge.builder("meshplane.outbox.leader", this, relay -> relay.lockConnection == null ? 0 : 1)
        .description("1 on the node that relays the outbox now (it holds the advisory lock), else 0")
        .register(registry);
  }

  @Override
  public Future<?> start() {
    OutboxConfig outbox = config.outbox();
    backoffMs = outbox.retryBackoffMs();
    pool = PgClients.writerPool(vertx, config.pg());
    vertx.setTimer(1, id -> cycle());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    Future<Void> unlocked = lockConnection == null ? Future.succeededFuture() : lockConnection.close();
    return unlocked.eventually(pool::close).eventually(this::closeSender);
  }

  private void cycle() {
    if (stopping) {
      return;
    }
    ensureLeadership().compose(leader -> leader ? relayBatch() : Future.succeededFuture(-1))
        .onSuccess(this::scheduleAfter)
        .onFailure(e -> {
          LOG.warn("outbox relay: {}; retrying in {} ms", e.toString(), backoffMs);
          vertx.setTimer(backoffMs, id -> cycle());
          backoffMs = Math.min(backoffMs * 2, config.outbox().retryBackoffMaxMs());
        });
  }

  /** {@code relayed} rows were published; -1 means this node is not the relay. */
  private void scheduleAfter(int relayed) {
    backoffMs = config.outbox().retryBackoffMs();
    if (relayed == config.outbox().batchSize()) {
      vertx.runOnContext(v -> cycle());
    } else {
      vertx.setTimer(relayed < 0 ? LEADERSHIP_RETRY_MS : config.outbox().pollIntervalMs(), id -> cycle());
    }
  }

  private Future<Boolean> ensureLeadership() {
    if (lockConnection != null) {
      return Future.succeededFuture(true);
    }
    return PgClients.connect(vertx, config.pg()).compose(conn -> conn.query(SqlQueries.TRY_OUTBOX_LEADERSHIP)
        .execute()
        .map(rows -> rows.iterator().next().getBoolean(0))
        .compose(acquired -> {
          if (!acquired) {
            return conn.close().map(false);
          }
          LOG.info("this node is now the outbox relay");
          lockConnection = conn;
          conn.closeHandler(v -> {
            LOG.warn("outbox relay lost its leadership connection");
            lockConnection = null;
          });
          return Future.succeededFuture(true);
        }));
  }

  private Future<Integer> relayBatch() {
    return pool.preparedQuery(SqlQueries.SELECT_OUTBOX_BATCH).execute(Tuple.of(config.outbox().batchSize()))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture(0) : openSender().compose(opened -> publish(opened, rows)));
  }

  private Future<KafkaSender> openSender() {
    if (sender != null && !sender.aborted()) {
      return Future.succeededFuture(sender);
    }
    return closeSender()
        .compose(closed -> vertx.executeBlocking(() -> KafkaSender.failFast(config.kafka(), clientId)))
        .onSuccess(opened -> sender = opened);
  }

  private Future<Void> closeSender() {
    KafkaSender closing = sender;
    sender = null;
    return closing == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      closing.close();
      return null;
    });
  }

  /** Deletes the rows once every record is acknowledged; after a failure, waits for every send to end first. */
  private Future<Integer> publish(KafkaSender kafka, RowSet<Row> rows) {
    List<Future<?>> acks = new ArrayList<>(rows.size());
    List<Long> ids = new ArrayList<>(rows.size());
    for (Row row : rows) {
      Instant committed = row.getOffsetDateTime("created_at").toInstant();
      ProducerRecord<byte[], byte[]> record = ChangeEvents.toRecord(config.kafka().changesTopic(), row);
      // the change's trace goes on through the broker: this hop's span becomes the record's traceparent
      Span span = tracing.startSend("publish " + record.topic(), row.getString("trace_id"));
      tracing.inject(span, record.headers());
      acks.add(kafka.send(context, record).onComplete(ack -> {
        if (ack.succeeded()) {
          published.increment();
          publishLag.record(Duration.between(committed, Instant.now()));
        } else {
          span.setStatus(StatusCode.ERROR, ack.cause().getMessage());
        }
        span.end();
      }));
      ids.add(row.getLong("id"));
    }
    return Future.join(acks)
        .compose(acked -> pool.preparedQuery(SqlQueries.DELETE_OUTBOX_ROWS).execute(Tuple.of(ids.toArray(Long[]::new))))
        .map(deleted -> ids.size());
  }
}
