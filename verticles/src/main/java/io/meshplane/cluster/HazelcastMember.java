package io.meshplane.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.config.YamlConfigBuilder;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.meshplane.cache.CachedEntitySerializer;
import io.meshplane.codecs.entity.CachedEntity;
import io.meshplane.config.CacheConfig;
import io.meshplane.config.HazelcastConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Starts and stops the node's embedded Hazelcast member. Both block (network join, partition migration), so they run
 * on a worker thread, never on an event loop.
 */
public final class HazelcastMember {
  /** The clustered map that is the L1 entity cache. */
  public static final String ENTITY_MAP = "mp-entities";
  private static final String BASE_CONFIG = "hazelcast.yaml";

  private HazelcastMember() {}

  public static Future<HazelcastInstance> start(Vertx vertx, HazelcastConfig hazelcast, CacheConfig cache) {
    // building the config parses YAML and loads Hazelcast's classes: worker-thread work too
    return vertx.executeBlocking(() -> {
      HazelcastCallbackExecutor.installWhereNeeded();
      return Hazelcast.newHazelcastInstance(config(hazelcast, cache));
    });
  }

  /** Leaves the cluster gracefully, so partitions this member owned migrate before it goes. */
  public static Future<Void> stop(Vertx vertx, HazelcastInstance instance) {
    return vertx.executeBlocking(() -> {
      instance.shutdown();
      return null;
    });
  }

  static Config config(HazelcastConfig hazelcast, CacheConfig cache) {
    Config config = baseConfig();
    config.setClusterName(hazelcast.clusterName());
    config.getNetworkConfig().setPort(hazelcast.port()).setPortAutoIncrement(true).setPortCount(100);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (hazelcast.kubernetesServiceDns() != null) {
      // DNS lookup of the headless Service: needs no Kubernetes API access, so no RBAC
      join.getKubernetesConfig().setEnabled(true).setProperty("service-dns", hazelcast.kubernetesServiceDns());
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(hazelcast.members());
    }
    config.getSerializationConfig().addSerializerConfig(new SerializerConfig()
        .setTypeClass(CachedEntity.class)
        .setImplementation(new CachedEntitySerializer()));
    config.getMapConfig(ENTITY_MAP).setEvictionConfig(new EvictionConfig()
        .setEvictionPolicy(EvictionPolicy.LRU)
        .setMaxSizePolicy(MaxSizePolicy.PER_NODE)
        .setSize(cache.l1MaxEntries()));
    return config;
  }

  private static Config baseConfig() {
    try (InputStream in = HazelcastMember.class.getClassLoader().getResourceAsStream(BASE_CONFIG)) {
      if (in == null) {
        throw new IllegalStateException(BASE_CONFIG + " is missing from the classpath");
      }
      return new YamlConfigBuilder(in).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + BASE_CONFIG, e);
    }
  }
}
