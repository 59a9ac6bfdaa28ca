package io.meshplane.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.CachedEntityCodec;
import io.meshplane.codecs.entity.Entity;
import io.meshplane.codecs.entity.EntityJsonCodec;
import io.meshplane.codecs.entity.SchemaRef;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Entity → response bytes with the streaming codec, against Jackson databind writing the same document from a map
 * (the baseline); and decoding the binary cache entry that an L1 or L2 hit returns.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EntityCodecBenchmark {
  private final ObjectMapper mapper = new ObjectMapper();
  private Entity entity;
  private Map<String, Object> entityAsMap;
  private byte[] cachedEntry;

  @Setup
  public void setUp() throws Exception {
    String attributes = "{\"rows\":120394,\"format\":\"parquet\",\"columns\":[\"id\",\"amount\",\"currency\"],"
        + "\"sla\":{\"freshnessMinutes\":15,\"tier\":\"gold\"}}";
    Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
    entity = new Entity("urn:mesh:dataset:sales.orders", "dataset", "sales", "snowflake", "team-sales",
        List.of("pii", "gold"), attributes, new SchemaRef("orders", 3), 42, now, now);
    entityAsMap = new LinkedHashMap<>();
    entityAsMap.put("id", entity.id());
    entityAsMap.put("type", entity.type());
    entityAsMap.put("domain", entity.domain());
    entityAsMap.put("sourceSystem", entity.sourceSystem());
    entityAsMap.put("owner", entity.owner());
    entityAsMap.put("tags", entity.tags());
    entityAsMap.put("attributes", mapper.readValue(attributes, Map.class));
    entityAsMap.put("schemaRef", Map.of("subject", "orders", "version", 3));
    entityAsMap.put("version", entity.version());
    entityAsMap.put("createdAt", now.toString());
    entityAsMap.put("updatedAt", now.toString());
    cachedEntry = CachedEntityCodec.encode(CachedEntity.present(42, EntityJsonCodec.encode(entity)));
  }

  @Benchmark
  public byte[] encodeStreaming() {
    return EntityJsonCodec.encode(entity);
  }

  @Benchmark
  public byte[] encodeJacksonDatabindBaseline() throws Exception {
    return mapper.writeValueAsBytes(entityAsMap);
  }

  @Benchmark
  public CachedEntity decodeCacheEntry() {
    return CachedEntityCodec.decode(cachedEntry);
  }
}
