package io.meshplane.routing;

import io.meshplane.cache.TieredEntityCache;
import io.meshplane.codecs.CodecException;
import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.KafkaBinaryCodec;
import io.meshplane.config.KafkaConfig;
import io.meshplane.config.RouterConfig;
import io.meshplane.kafka.KafkaSender;
import io.meshplane.observability.Tracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a polled batch. Within a partition, records are sent in their order — a record's sends are issued only after
 * the previous record's — but their acknowledgements are awaited together, so the broker's round trips overlap;
 * partitions go side by side. Each record ends delivered by every matching route, counted as unmatched, or in the
 * dead-letter topic after its retries; the returned future completes only then, so offsets committed after it never
 * skip a record. A retried delivery is sent again after later records: order holds for records that succeed first time.
 */
final class RecordRouter {
  private static final Logger LOG = LoggerFactory.getLogger(RecordRouter.class);
  private static final long DEAD_LETTER_BACKOFF_MAX_MS = 10_000;

  private final Vertx vertx;
  private final Context context;
  private final RouteRegistry registry;
  private final TieredEntityCache cache;
  private final KafkaSender sender;
  private final Tracing tracing;
  private final KafkaConfig kafka;
  private final RouterConfig config;
  private final RouterStats stats;

  RecordRouter(Vertx vertx, Context context, RouteRegistry registry, TieredEntityCache cache, KafkaSender sender,
      Tracing tracing, KafkaConfig kafka, RouterConfig config, RouterStats stats) {
    this.vertx = vertx;
    this.context = context;
    this.registry = registry;
    this.cache = cache;
    this.sender = sender;
    this.tracing = tracing;
    this.kafka = kafka;
    this.config = config;
    this.stats = stats;
  }

  Future<Void> route(List<ConsumerRecord<byte[], byte[]>> batch) {
    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : batch) {
      byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
          .add(record);
    }
    List<Future<Void>> partitions = new ArrayList<>(byPartition.size());
    for (List<ConsumerRecord<byte[], byte[]>> records : byPartition.values()) {
      partitions.add(routePartition(records));
    }
    return Future.all(partitions).mapEmpty();
  }

  private Future<Void> routePartition(List<ConsumerRecord<byte[], byte[]>> records) {
    List<Future<Void>> outcomes = new ArrayList<>(records.size());
    Future<Void> issued = Future.succeededFuture();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      issued = issued.compose(v -> {
        Promise<Void> sent = Promise.promise();
        outcomes.add(routeOne(record, sent));
        return sent.future();
      });
    }
    return issued.compose(v -> Future.all(outcomes).mapEmpty());
  }

  /** {@code sent} completes once the record's first sends are issued; the result, once they are all settled. */
  private Future<Void> routeOne(ConsumerRecord<byte[], byte[]> record, Promise<Void> sent) {
    Span span = tracing.startReceive("route " + record.topic(), record.headers());
    return routeOne(record, sent, span).onComplete(done -> span.end());
  }

  private Future<Void> routeOne(ConsumerRecord<byte[], byte[]> record, Promise<Void> sent, Span span) {
    CloudEvent event;
    try {
      event = KafkaBinaryCodec.fromRecord(record.headers(), record.value());
    } catch (CodecException e) {
      // a record that does not decode never will: no retries
      return issuing(sent, deadLetter(record, null, e, span));
    }
    CloudEventView view = new CloudEventView(event);
    List<CompiledRoute> routes = registry.table().matching(record.topic(), view);
    if (routes.isEmpty()) {
      stats.unmatched.increment();
      return issuing(sent, kafka.unmatchedTopic() == null ? Future.succeededFuture()
          : untilSent(record, () -> forward(kafka.unmatchedTopic(), record, record.value(), span), 1));
    }
    List<Future<Void>> deliveries = new ArrayList<>(routes.size());
    List<Future<Void>> firstSends = new ArrayList<>(routes.size());
    for (CompiledRoute route : routes) {
      Promise<Void> routeSent = Promise.promise();
      firstSends.add(routeSent.future());
      deliveries.add(withRetries(() -> deliver(route, record, view, routeSent, span), 1)
          .onSuccess(v -> stats.routed.increment())
          .recover(e -> deadLetter(record, route.name(), e, span)));
    }
    Future.join(firstSends).onComplete(v -> sent.tryComplete());
    return Future.all(deliveries).mapEmpty();
  }

  private static Future<Void> issuing(Promise<Void> sent, Future<Void> outcome) {
    sent.tryComplete();
    return outcome;
  }

  private Future<Void> deliver(CompiledRoute route, ConsumerRecord<byte[], byte[]> record, CloudEventView view,
      Promise<Void> sent, Span span) {
    Future<byte[]> payload = route.transforms().isEmpty() && route.enrich().isEmpty()
        ? Future.succeededFuture(record.value())
        : rewrite(route, view.data());
    return payload.onFailure(e -> sent.tryComplete()).compose(bytes -> {
      List<Future<?>> sends = new ArrayList<>(route.to().size());
      for (String topic : route.to()) {
        sends.add(forward(topic, record, bytes, span));
      }
      sent.tryComplete();
      return Future.all(sends).mapEmpty();
    });
  }

  private Future<byte[]> rewrite(CompiledRoute route, JsonObject data) {
    if (data == null) {
      return Future.failedFuture(new RouteTransformException(route.name(), "data",
          "the event's data is not a JSON object"));
    }
    JsonObject transformed;
    try {
      transformed = route.transform(data);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    String entityId = route.enrichmentId(transformed).orElse(null);
    if (entityId == null) {
      return Future.succeededFuture(transformed.toBuffer().getBytes());
    }
    return cache.get(entityId).map(lookup -> {
      JsonObject entity = lookup.entry().exists() ? new JsonObject(Buffer.buffer(lookup.entry().json())) : null;
      return route.enrich(transformed, entity).toBuffer().getBytes();
    });
  }

  /** Sends {@code value} with the record's key and headers; the trace's current hop becomes the router's span. */
  private Future<Void> forward(String topic, ConsumerRecord<byte[], byte[]> record, byte[] value, Span span) {
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    tracing.inject(span, headers);
    return sender.send(context, new ProducerRecord<>(topic, null, record.key(), value, headers)).mapEmpty();
  }

  private Future<Void> withRetries(Supplier<Future<Void>> attempt, int number) {
    return attempt.get().recover(e -> {
      if (number >= config.maxAttempts()) {
        return Future.failedFuture(e);
      }
      stats.retried.increment();
      long backoff = (long) config.retryBackoffMs() << (number - 1);
      return vertx.timer(Math.max(1, backoff)).compose(v -> withRetries(attempt, number + 1));
    });
  }

  /** The last resort may not fail: it is retried until the broker takes it, holding the partition meanwhile. */
  private Future<Void> deadLetter(ConsumerRecord<byte[], byte[]> record, String route, Throwable error, Span span) {
    stats.deadLettered.increment();
    span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
    LOG.warn("record {}-{}@{} goes to {} (route {}): {}", record.topic(), record.partition(), record.offset(),
        kafka.dlqTopic(), route, error.getMessage());
    return untilSent(record, () -> sender.send(context, DeadLetters.of(kafka.dlqTopic(), record, route, error))
        .mapEmpty(), 1);
  }

  private Future<Void> untilSent(ConsumerRecord<byte[], byte[]> record, Supplier<Future<Void>> send, int attempt) {
    return send.get().recover(e -> {
      long backoff = Math.min(DEAD_LETTER_BACKOFF_MAX_MS, 100L << Math.min(attempt, 10));
      LOG.warn("cannot write {}-{}@{} to Kafka ({}); retrying in {} ms", record.topic(), record.partition(),
          record.offset(), e.getMessage(), backoff);
      return vertx.timer(backoff).compose(v -> untilSent(record, send, attempt + 1));
    });
  }
}
