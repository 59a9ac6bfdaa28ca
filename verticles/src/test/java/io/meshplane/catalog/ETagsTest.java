package io.meshplane.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ETagsTest {
  @Test
  void aTagIsTheQuotedVersionWhetherPreparedOrNot() {
    assertThat(ETags.of(1).toString()).isEqualTo("\"1\"");
    assertThat(ETags.of(4095).toString()).isEqualTo("\"4095\"");
    assertThat(ETags.of(4096).toString()).isEqualTo("\"4096\"");
    assertThat(ETags.of(Long.MAX_VALUE).toString()).isEqualTo("\"" + Long.MAX_VALUE + "\"");
    assertThat(ETags.of(7)).isSameAs(ETags.of(7));
  }

  @Test
  void aTagParsesBackToItsVersion() {
    assertThat(ETags.parseVersions(ETags.of(12) + ", W/" + ETags.of(9000), "If-Match")).containsExactlyInAnyOrder(12L,
        9000L);
    assertThat(ETags.noneMatchHits(ETags.of(3).toString(), 3)).isTrue();
  }
}
