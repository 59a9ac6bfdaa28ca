package io.meshplane.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshplane.launcher.DevToken;
import io.meshplane.testing.Http;
import io.meshplane.testing.NodeFixture;
import io.meshplane.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client over its write rate gets 429 with Retry-After and writes nothing; other clients are unaffected. */
class RateLimitIT {

  @Test
  void writesBeyondTheBurstAre429ForThatClientOnly() {
    try (NodeFixture fixture = NodeFixture.start(settings -> settings.put("limits.writes-per-second", "5"))) {
      Http greedy = fixture.http();
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> refused = null;
      for (int i = 0; i < 40 && refused == null; i++) {
        HttpResponse<String> response = greedy.put("/v1/entities/urn:limited:" + i, "{\"type\":\"t\"}");
        statuses.add(response.statusCode());
        if (response.statusCode() == 429) {
          refused = response;
        }
      }

      assertThat(refused).as("statuses %s", statuses).isNotNull();
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      int refusedIndex = statuses.size() - 1;
      assertThat(fixture.database().queryLong("SELECT count(*) FROM mp_entity WHERE id = 'urn:limited:"
          + refusedIndex + "'")).isZero();
      Http someoneElse = new Http(fixture.node().port(),
          DevToken.mint(TestTokens.SECRET, "someone-else", "catalog:write", Duration.ofMinutes(5)));
      assertThat(someoneElse.put("/v1/entities/urn:limited:other", "{\"type\":\"t\"}").statusCode()).isEqualTo(201);
      // reads are not rate limited
      assertThat(greedy.get("/v1/entities/urn:limited:0").statusCode()).isEqualTo(200);
    }
  }
}
