package io.meshplane.config;

import java.net.URI;
import java.net.URISyntaxException;

/** Redis, the shared L2 cache. */
public record RedisConfig(String url, String keyPrefix, int timeoutMs, int poolSize) {

  static RedisConfig from(ConfigValues v) {
    String url = v.nonBlank("redis.url");
    try {
      String scheme = new URI(url).getScheme();
      if (!"redis".equals(scheme) && !"rediss".equals(scheme)) {
        throw new ConfigException("redis.url", "must start with redis:// or rediss://, got '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new ConfigException("redis.url", "not a URL: " + e.getMessage());
    }
    return new RedisConfig(
        url,
        v.string("redis.key-prefix"),
        v.integer("redis.timeout-ms", 1, 600_000),
        v.integer("redis.pool-size", 1, 1024));
  }

  @Override
  public String toString() {
    // the URL may carry a password
    return "RedisConfig[prefix=" + keyPrefix + "]";
  }
}
