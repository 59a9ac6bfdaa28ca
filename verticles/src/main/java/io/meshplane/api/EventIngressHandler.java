package io.meshplane.api;

import io.meshplane.codecs.CodecException;
import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.KafkaBinaryCodec;
import io.meshplane.codecs.cloudevents.StructuredJsonCodec;
import io.meshplane.kafka.KafkaSender;
import io.meshplane.problem.Problem;
import io.meshplane.problem.ProblemException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code POST /v1/events}: one structured CloudEvent, or a batch, validated in full before anything is produced, then
 * produced to the ingress topic; 202 only once the broker acknowledged every event.
 */
final class EventIngressHandler {
  private final KafkaSender sender;
  private final String ingressTopic;
  private final Context context;

  EventIngressHandler(KafkaSender sender, String ingressTopic, Context context) {
    this.sender = sender;
    this.ingressTopic = ingressTopic;
    this.context = context;
  }

  void post(RoutingContext ctx) {
    List<CloudEvent> events = decode(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE), ctx.body().buffer());
    List<Future<?>> acks = events.stream().<Future<?>>map(event -> sender.send(context, toRecord(event))).toList();
    Future.all(acks)
        .onSuccess(acked -> Replies.json(ctx, 202, new JsonObject().put("accepted", events.size())
            .put("ids", new JsonArray(events.stream().map(CloudEvent::id).toList()))))
        .onFailure(e -> ctx.fail(ProblemException.unavailable("the event broker did not acknowledge: " + e.getMessage())));
  }

  private static List<CloudEvent> decode(String contentType, Buffer body) {
    if (body == null || body.length() == 0) {
      throw ProblemException.badRequest("request body is empty; expected a CloudEvent");
    }
    String mediaType = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    try {
      return switch (mediaType) {
        case StructuredJsonCodec.BATCH_MEDIA_TYPE -> StructuredJsonCodec.decodeBatch(body);
        case StructuredJsonCodec.MEDIA_TYPE, "application/json" -> List.of(StructuredJsonCodec.decode(body));
        default -> throw new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type",
            "send application/cloudevents+json or " + StructuredJsonCodec.BATCH_MEDIA_TYPE));
      };
    } catch (CodecException e) {
      throw ProblemException.badRequest("invalid CloudEvent: " + e.getMessage());
    }
  }

  private ProducerRecord<byte[], byte[]> toRecord(CloudEvent event) {
    String key = KafkaBinaryCodec.key(event, null);
    return new ProducerRecord<>(ingressTopic, null, key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        event.data(), KafkaBinaryCodec.toHeaders(event));
  }
}
