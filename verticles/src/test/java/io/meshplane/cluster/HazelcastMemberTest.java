package io.meshplane.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import io.meshplane.config.CacheConfig;
import io.meshplane.config.HazelcastConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class HazelcastMemberTest {
  private static final CacheConfig CACHE = new CacheConfig(1000, 60, 100, 1000, 0, true, true);

  @Test
  void membersJoinOverTcpWithoutMulticast() {
    Config config = HazelcastMember.config(new HazelcastConfig("c", List.of("10.0.0.1:5701"), 5701, null), CACHE);

    assertThat(config.getClusterName()).isEqualTo("c");
    assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().getMembers()).containsExactly("10.0.0.1:5701");
    assertThat(config.getMapConfig(HazelcastMember.ENTITY_MAP).getNearCacheConfig()).isNotNull();
    assertThat(config.getMapConfig(HazelcastMember.ENTITY_MAP).getEvictionConfig().getSize()).isEqualTo(1000);
  }

  @Test
  void inKubernetesPeersComeFromTheHeadlessService() {
    Config config = HazelcastMember.config(
        new HazelcastConfig("c", List.of(), 5701, "meshplane-hazelcast.meshplane.svc.cluster.local"), CACHE);

    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().isEnabled()).isTrue();
    assertThat(config.getNetworkConfig().getJoin().getKubernetesConfig().getProperty("service-dns"))
        .isEqualTo("meshplane-hazelcast.meshplane.svc.cluster.local");
    assertThat(config.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
  }
}
