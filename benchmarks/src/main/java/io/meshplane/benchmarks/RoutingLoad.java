package io.meshplane.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.meshplane.codecs.cloudevents.CloudEvent;
import io.meshplane.codecs.cloudevents.KafkaBinaryCodec;
import io.meshplane.kafka.KafkaClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Scenario S7 of the load harness (benchmarks/load/routing.sh): the Kafka side of "routing through 10 rules" and its
 * baseline, a raw consume → produce pipe. Plain kafka-clients; {@code <subcommand> --option value ...}:
 * <ul>
 *   <li>{@code topics --bootstrap B --topics T1,T2 [--partitions 6]}: creates the topics that do not exist yet.</li>
 *   <li>{@code produce --bootstrap B --topic T --count N --size BYTES --types K --run R [--entities 1000]
 *       [--rate 0]}: N CloudEvents in Kafka binary mode; {@code ce_id} = {@code R-<n>}, {@code ce_type} =
 *       {@code bench.t<n mod K>}, {@code ce_time} = the send time; data = JSON of BYTES bytes with
 *       {@code "datasetId": "urn:bench:<1..entities>"} (also the key). {@code --rate} events/s, 0 = as fast as
 *       possible.</li>
 *   <li>{@code pipe --bootstrap B --from T --to T2 --group G [--count N] [--go-file F] [--ready-file R]}: the
 *       baseline; consumes T and produces each record's key, value and headers to T2 with the router's consumer and
 *       producer settings, committing a polled batch's offsets after all its produce acknowledgements, as the router
 *       does. With {@code --go-file}: whenever F holds the name of another topic, it consumes that one instead (as the
 *       router switches when its rules change), from its beginning. With {@code --ready-file}: T is consumed from
 *       its end (earlier runs' records are not piped), and R is created once the pipe is positioned. Stops after N
 *       records (0 = when killed).</li>
 *   <li>{@code drain --bootstrap B --topics T2[,T3] --count N --run R [--timeout-s 600]}: reads the topics from the
 *       beginning (every partition, no group) until N records whose {@code ce_id} starts with {@code R-} arrived, and
 *       prints ONE line on stdout: {@code <events-per-second> <p50-ms> <p99-ms>}.</li>
 *   <li>{@code roundtrip} with the options of {@code produce}, plus {@code --topics T2[,T3] [--warmup-s 0]
 *       [--timeout-s 600]}: a drain positioned at the ends of T2, T3 first, then {@code produce} to T, then the drain
 *       of the N records of the run, with the same output line as {@code drain}. Latency percentiles leave out the
 *       records sent (ce_time) in the first {@code --warmup-s} seconds. With a router or pipe live between T and
 *       T2, this is both a warm-up and, at a {@code --rate}, the end-to-end latency.</li>
 * </ul>
 * Definitions, identical for the router and the pipe: events/s = (N − 1) / (latest − earliest timestamp of the N
 * output records), the timestamps being CreateTime, stamped by the router's or the pipe's producer when it sends, so
 * the figure does not depend on when the drain reads them; latency = the drain's clock when the poll returning the
 * record came back − the record's {@code ce_time} (the producer's send time; the router forwards the ce_ headers
 * unchanged). Latency is only meaningful with a drain reading live (see routing.sh).
 */
public final class RoutingLoad {
  /** The node's default {@code kafka.delivery-timeout-ms}. */
  private static final int DELIVERY_TIMEOUT_MS = 30_000;
  /** How long the router's consumer loop waits in one poll. */
  private static final Duration POLL = Duration.ofMillis(100);
  private static final String SOURCE = "urn:meshplane:bench:routing-load";

  private static final Map<String, List<String>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("topics", List.of("bootstrap", "topics", "partitions"));
    COMMANDS.put("produce", List.of("bootstrap", "topic", "count", "size", "types", "run", "entities", "rate"));
    COMMANDS.put("pipe", List.of("bootstrap", "from", "to", "group", "count", "go-file", "ready-file"));
    COMMANDS.put("drain", List.of("bootstrap", "topics", "count", "run", "timeout-s"));
    COMMANDS.put("roundtrip", List.of("bootstrap", "topic", "count", "size", "types", "run", "entities", "rate",
        "topics", "warmup-s", "timeout-s"));
  }

  private RoutingLoad() {}

  public static void main(String[] args) throws Exception {
    RoutingArgs options;
    try {
      options = RoutingArgs.parse(args, COMMANDS);
    } catch (IllegalArgumentException e) {
      System.err.println("RoutingLoad: " + e.getMessage());
      System.exit(2);
      return;
    }
    int status = switch (options.command()) {
      case "topics" -> topics(options);
      case "produce" -> produce(options);
      case "pipe" -> pipe(options);
      case "roundtrip" -> roundtrip(options);
      default -> drain(options);
    };
    System.exit(status);
  }

  private static int topics(RoutingArgs options) throws Exception {
    int partitions = (int) options.number("partitions", 6);
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap")))) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : options.list("topics")) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, partitions, (short) 1));
        }
      }
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      }
      System.err.println("topics created: " + missing.stream().map(NewTopic::name).toList());
    }
    return 0;
  }

  /** The node's producer settings ({@link KafkaClientSettings}): the router produces with them. */
  private static KafkaProducer<byte[], byte[]> producer(String bootstrap, String clientId) {
    return new KafkaProducer<>(KafkaClientSettings.producer(bootstrap, clientId, DELIVERY_TIMEOUT_MS),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static int produce(RoutingArgs options) throws Exception {
    String topic = options.string("topic");
    long count = options.number("count");
    int size = (int) options.number("size");
    int types = (int) options.number("types");
    int entities = (int) options.number("entities", 1000);
    long rate = options.number("rate", 0);
    String run = options.string("run");
    if (types < 1 || entities < 1) {
      throw new IllegalArgumentException("--types and --entities must be at least 1");
    }
    AtomicLong failed = new AtomicLong();
    AtomicReference<Exception> firstError = new AtomicReference<>();
    long started = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer = producer(options.string("bootstrap"), "routing-load-produce-" + run)) {
      for (long n = 0; n < count; n++) {
        if (rate > 0) {
          long due = started + n * 1_000_000_000L / rate;
          for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
          }
        }
        String entity = "urn:bench:" + (1 + n % entities);
        CloudEvent event = new CloudEvent(run + "-" + n, SOURCE, CloudEvent.SPEC_VERSION, "bench.t" + n % types,
            "application/json", null, null, Instant.now().truncatedTo(ChronoUnit.MICROS).toString(),
            data(n, entity, size), Map.of());
        producer.send(new ProducerRecord<>(topic, null, entity.getBytes(UTF_8), event.data(),
                KafkaBinaryCodec.toHeaders(event)),
            (metadata, error) -> {
              if (error != null) {
                failed.incrementAndGet();
                firstError.compareAndSet(null, error);
              }
            });
      }
      producer.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.err.printf(Locale.ROOT, "produced %d events of %d bytes to %s in %.2f s (%.0f/s), %d failed%n",
        count, size, topic, seconds, count / seconds, failed.get());
    if (failed.get() > 0) {
      System.err.println("first failure: " + firstError.get());
      return 1;
    }
    return 0;
  }

  /**
   * The event's data: JSON with the fields the rules of benchmarks/load/routes look at, padded with a string field to
   * exactly {@code size} bytes (or left as it is when the fields alone are longer).
   */
  static byte[] data(long n, String entity, int size) {
    String head = "{\"datasetId\":\"" + entity + "\",\"amount\":" + n % 10_000 + ",\"region\":\"eu-" + n % 10
        + "\",\"flag\":true,\"note\":\"bench\",\"payload\":\"";
    String tail = "\"}";
    int padding = Math.max(0, size - head.length() - tail.length());
    return (head + "x".repeat(padding) + tail).getBytes(UTF_8);
  }

  private static int pipe(RoutingArgs options) throws Exception {
    String bootstrap = options.string("bootstrap");
    String to = options.string("to");
    long limit = options.number("count", 0);
    String group = options.string("group");
    long piped = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
            KafkaClientSettings.routerConsumer(bootstrap, group, "routing-load-pipe-" + group),
            new ByteArrayDeserializer(), new ByteArrayDeserializer());
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap, "routing-load-pipe-" + group)) {
      String topic = options.string("from");
      String goFile = options.string("go-file", null);
      Path go = goFile == null ? null : Path.of(goFile);
      String readyFile = options.string("ready-file", null);
      if (readyFile != null) {
        // what the topic already holds (earlier runs) is not piped: the new group starts at its end
        Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
            .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.endOffsets(partitions).forEach((partition, end) -> ends.put(partition, new OffsetAndMetadata(end)));
        consumer.commitSync(ends);
        Files.writeString(Path.of(readyFile), "ready\n");
      }
      consumer.subscribe(List.of(topic));
      System.err.println("pipe " + topic + " -> " + to + " running");
      while (limit == 0 || piped < limit) {
        String named = go == null || !Files.exists(go) ? topic : Files.readString(go).strip();
        if (!named.isEmpty() && !named.equals(topic)) {
          topic = named;
          consumer.subscribe(List.of(topic));
          System.err.println("pipe " + topic + " -> " + to + " running");
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        if (records.isEmpty()) {
          continue;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          // the timestamp is left to the producer (the send time), as the router's forward does
          acks.add(producer.send(new ProducerRecord<>(to, null, record.key(), record.value(),
              new RecordHeaders(record.headers().toArray()))));
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          first.putIfAbsent(partition, record.offset());
          next.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        try {
          for (Future<RecordMetadata> ack : acks) {
            ack.get();
          }
          consumer.commitSync(next);
          piped += acks.size();
        } catch (ExecutionException e) {
          System.err.println("a produce failed; the batch is read again: " + e.getCause());
          first.forEach(consumer::seek);
        }
      }
    }
    System.err.println("piped " + piped + " records");
    return 0;
  }

  private static int drain(RoutingArgs options) throws Exception {
    DrainStats stats = drain(options, null);
    if (stats == null) {
      return 1;
    }
    System.out.println(stats.line(0));
    return 0;
  }

  private static int roundtrip(RoutingArgs options) throws Exception {
    CountDownLatch positioned = new CountDownLatch(1);
    FutureTask<DrainStats> drained = new FutureTask<>(() -> drain(options, positioned));
    Thread drainer = new Thread(drained, "roundtrip-drain");
    drainer.start();
    if (!positioned.await(60, TimeUnit.SECONDS)) {
      System.err.println("roundtrip: the drain was not positioned within 60 s");
      return 1;
    }
    int produced = produce(options);
    DrainStats stats = drained.get();
    if (produced != 0 || stats == null) {
      return 1;
    }
    System.out.println(stats.line(TimeUnit.SECONDS.toMicros(options.number("warmup-s", 0))));
    return 0;
  }

  /**
   * Reads the topics until {@code --count} records of the run arrived: from the beginning, or, with
   * {@code positioned}, from their ends, counting it down once there. Null (and why, on stderr) if they did not.
   */
  private static DrainStats drain(RoutingArgs options, CountDownLatch positioned) throws Exception {
    int count = (int) options.number("count");
    byte[] prefix = (options.string("run") + "-").getBytes(UTF_8);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.number("timeout-s", 600));
    DrainStats stats = new DrainStats(count);
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.string("bootstrap"),
            ConsumerConfig.CLIENT_ID_CONFIG, "routing-load-drain",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : options.list("topics")) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
          System.err.println("drain: topic " + topic + " does not exist");
          return null;
        }
        infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
      }
      consumer.assign(partitions);
      if (positioned != null) {
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolves the end offsets now, before the producer starts
        positioned.countDown();
      } else {
        consumer.seekToBeginning(partitions);
      }
      while (!stats.full()) {
        if (System.nanoTime() > deadline) {
          System.err.println("drain: timed out with " + stats.count() + " of " + count + " records");
          return null;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        Instant arrived = Instant.now();
        for (ConsumerRecord<byte[], byte[]> record : records) {
          Header id = record.headers().lastHeader("ce_id");
          if (id == null || !startsWith(id.value(), prefix) || stats.full()) {
            continue;
          }
          long sent = sentMicros(record);
          stats.add(record.timestamp(), sent, ChronoUnit.MICROS.between(Instant.EPOCH, arrived) - sent);
        }
      }
    }
    return stats;
  }

  /** The record's ce_time, in µs since the epoch. */
  private static long sentMicros(ConsumerRecord<byte[], byte[]> record) {
    Header time = record.headers().lastHeader("ce_time");
    if (time == null) {
      throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
          + " has no ce_time header");
    }
    try {
      return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(new String(time.value(), UTF_8)));
    } catch (DateTimeParseException e) {
      throw new IllegalStateException("record's ce_time is not an instant: " + e.getMessage(), e);
    }
  }

  static boolean startsWith(byte[] value, byte[] prefix) {
    return value != null && value.length >= prefix.length
        && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
  }
}
