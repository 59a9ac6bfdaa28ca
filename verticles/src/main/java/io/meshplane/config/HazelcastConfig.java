package io.meshplane.config;

import java.util.Arrays;
import java.util.List;

/**
 * The embedded Hazelcast member that holds the clustered L1 map. Peers come from the Kubernetes headless Service when
 * {@code kubernetesServiceDns} is set, else from the member list; an empty list forms a cluster alone.
 */
public record HazelcastConfig(String clusterName, List<String> members, int port, String kubernetesServiceDns) {

  static HazelcastConfig from(ConfigValues v) {
    List<String> members = Arrays.stream(v.string("hazelcast.members").split(","))
        .map(String::trim)
        .filter(m -> !m.isEmpty())
        .toList();
    for (String member : members) {
      int colon = member.lastIndexOf(':');
      if (colon <= 0 || !member.substring(colon + 1).matches("\\d{1,5}")) {
        throw new ConfigException("hazelcast.members", "expected host:port, got '" + member + "'");
      }
    }
    String serviceDns = v.string("hazelcast.kubernetes-service-dns").trim();
    return new HazelcastConfig(v.nonBlank("hazelcast.cluster-name"), members, v.integer("hazelcast.port", 1, 65535),
        serviceDns.isEmpty() ? null : serviceDns);
  }
}
