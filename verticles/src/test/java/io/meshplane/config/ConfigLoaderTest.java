package io.meshplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  /** Without a token key a node refuses to start; every case here but that one sets one. */
  private static final Map<String, String> KEYED = Map.of("MESHPLANE_AUTH_JWT_SECRET", "s".repeat(32));

  @Test
  void bundledDefaultsMatchTheDesign() {
    MeshplaneConfig config = ConfigLoader.load(null, KEYED, Map.of(), Map.of());

    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().bodyLimitBytes()).isEqualTo(1024 * 1024);
    assertThat(config.pg().database()).isEqualTo("meshplane");
    assertThat(config.redis().url()).isEqualTo("redis://127.0.0.1:6379");
    assertThat(config.hazelcast().members()).isEmpty();
  }

  @Test
  void environmentNamesAreUpperSnakeCaseOfTheKeyPath() {
    assertThat(ConfigLoader.environmentName("http.port")).isEqualTo("MESHPLANE_HTTP_PORT");
    assertThat(ConfigLoader.environmentName("auth.jwt.public-key")).isEqualTo("MESHPLANE_AUTH_JWT_PUBLIC_KEY");
  }

  @Test
  void fileThenEnvironmentThenSystemPropertyThenOverrideEachWin(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("m.yaml");
    Files.writeString(file, "http:\n  port: 9001\npg:\n  host: db.internal\n  database: fromfile\n");

    MeshplaneConfig config = ConfigLoader.load(file,
        Map.of("MESHPLANE_PG_DATABASE", "fromenv", "MESHPLANE_REDIS_KEY_PREFIX", "env:",
            "MESHPLANE_AUTH_JWT_SECRET", "s".repeat(32)),
        Map.of("meshplane.pg.database", "fromproperty"),
        Map.of("redis.key-prefix", "override:"));

    assertThat(config.http().port()).isEqualTo(9001);
    assertThat(config.pg().host()).isEqualTo("db.internal");
    assertThat(config.pg().database()).isEqualTo("fromproperty");
    assertThat(config.redis().keyPrefix()).isEqualTo("override:");
  }

  @Test
  void membersListIsSplitAndChecked() {
    MeshplaneConfig config = ConfigLoader.load(null, Map.of("MESHPLANE_HAZELCAST_MEMBERS", "10.0.0.1:5701, b:5702",
        "MESHPLANE_AUTH_JWT_SECRET", "s".repeat(32)), Map.of(), Map.of());

    assertThat(config.hazelcast().members()).containsExactly("10.0.0.1:5701", "b:5702");
  }

  @Test
  void badValuesStopWithOneLineNamingTheKey() {
    assertRefused(Map.of("http.port", "eighty"), "invalid configuration: http.port: expected an integer, got 'eighty'");
    assertRefused(Map.of("http.port", "70000"), "invalid configuration: http.port: must be between 0 and 65535");
    assertRefused(Map.of("redis.url", "http://x"), "invalid configuration: redis.url: must start with redis://");
    assertRefused(Map.of("hazelcast.members", "nohost"), "invalid configuration: hazelcast.members: expected host:port");
    assertRefused(Map.of("pg.database", " "), "invalid configuration: pg.database: must not be empty");
    assertRefused(Map.of("http.prot", "1"), "invalid configuration: http.prot: unknown key");
    assertRefused(Map.of("kafka.dlq-topic", "dead letters"), "invalid configuration: kafka.dlq-topic: not a valid Kafka");
    assertRefused(Map.of("router.refresh-interval-ms", "5000"),
        "invalid configuration: router.refresh-interval-ms: must be between 10 and 1000");
    assertRefused(Map.of("auth.jwt.secret", "short"), "invalid configuration: auth.jwt.secret: must be at least 32");
    assertRefused(Map.of("auth.reads", "yes"), "invalid configuration: auth.reads: expected true or false");
    assertRefused(Map.of("auth.jwt.public-key", "/no/such.pem"), "invalid configuration: auth.jwt.public-key: cannot read");
  }

  @Test
  void unreadableFileIsNamed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(file, "http: [unclosed\n");

    assertThatThrownBy(() -> ConfigLoader.load(file, KEYED, Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("broken.yaml")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aNodeWithoutAnyTokenKeyDoesNotStart() {
    assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of(), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("invalid configuration: auth.jwt.secret: no token key configured");
  }

  private static void assertRefused(Map<String, String> overrides, String message) {
    assertThatThrownBy(() -> ConfigLoader.load(null, KEYED, Map.of(), overrides))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(message)
        .hasMessageNotContaining("\n");
  }
}
