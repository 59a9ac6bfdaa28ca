package io.meshplane.cache;

import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.codecs.entity.CachedEntityCodec;
import io.meshplane.config.RedisConfig;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * L2: Redis. Values are the binary cache entries; writes go through a Lua script that compares versions on the server,
 * so concurrent fills and writes from many nodes can only move an entry forward. Every call is bounded by the
 * configured timeout.
 */
public final class L2EntityCache {
  /**
   * KEYS[1] = key, ARGV[1] = encoded entry, ARGV[2] = ttl ms. Version = big-endian int64 at bytes 3..10 (1-based).
   * The same rule as {@code CachedEntity.supersedes}: an equal or newer version replaces the entry.
   */
  private static final String GUARDED_SET = """
      local function version(v)
        local n = 0
        for i = 3, 10 do n = n * 256 + string.byte(v, i) end
        return n
      end
      local current = redis.call('GET', KEYS[1])
      if current and string.len(current) >= 10 and version(current) > version(ARGV[1]) then
        return 0
      end
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      return 1
      """;
  /** Redis keeps scripts by their SHA-1: a write sends these 40 bytes instead of the script. */
  private static final String GUARDED_SET_SHA1 = sha1Hex(GUARDED_SET);

  private final Redis redis;
  private final String keyPrefix;
  private final long timeoutMs;

  public L2EntityCache(Redis redis, RedisConfig config) {
    this.redis = redis;
    this.keyPrefix = keyPrefix(config);
    this.timeoutMs = config.timeoutMs();
  }

  /** One MGET; the result lists an entry (or null) per id, in order. */
  public Future<List<CachedEntity>> getAll(List<String> ids) {
    Request mget = Request.cmd(Command.MGET);
    ids.forEach(id -> mget.arg(key(id)));
    return send(mget).map(response -> {
      List<CachedEntity> entries = new ArrayList<>(ids.size());
      for (int i = 0; i < ids.size(); i++) {
        entries.add(decode(response.get(i)));
      }
      return entries;
    });
  }

  public Future<Boolean> offer(String id, CachedEntity entry, long ttlMillis) {
    Buffer encoded = Buffer.buffer(CachedEntityCodec.encode(entry));
    return send(guardedSet(Command.EVALSHA, GUARDED_SET_SHA1, id, encoded, ttlMillis))
        // a restarted (or flushed) Redis has forgotten the script: EVAL sends it and Redis keeps it again
        .recover(e -> isNoScript(e)
            ? send(guardedSet(Command.EVAL, GUARDED_SET, id, encoded, ttlMillis))
            : Future.failedFuture(e))
        .map(response -> response.toInteger() == 1);
  }

  private Request guardedSet(Command command, String script, String id, Buffer encoded, long ttlMillis) {
    return Request.cmd(command).arg(script).arg(1).arg(key(id)).arg(encoded).arg(ttlMillis);
  }

  private static boolean isNoScript(Throwable e) {
    return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
  }

  public Future<Void> ping() {
    return send(Request.cmd(Command.PING)).mapEmpty();
  }

  private Future<Response> send(Request request) {
    return redis.send(request).timeout(timeoutMs, TimeUnit.MILLISECONDS);
  }

  private String key(String id) {
    return keyPrefix + id;
  }

  /** Entity keys are {@code <redis.key-prefix>e:<id>}. */
  static String keyPrefix(RedisConfig config) {
    return config.keyPrefix() + "e:";
  }

  private static String sha1Hex(String script) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
          .digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-1", e);
    }
  }

  private static CachedEntity decode(Response response) {
    return response == null ? null : CachedEntityCodec.decode(response.toBytes());
  }
}
