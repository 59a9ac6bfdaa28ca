package io.meshplane.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node's Prometheus exposition, read as a test reads it: series (name plus labels as written) → value. */
public final class Metrics {
  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?[0-9]+)?$");

  private Metrics() {}

  /** Whether {@code line} is a well-formed sample line of the text format. */
  public static boolean isSample(String line) {
    return SAMPLE.matcher(line).matches();
  }

  public static Map<String, Double> samples(String scrape) {
    Map<String, Double> samples = new HashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (!line.startsWith("#") && sample.matches()) {
        String labels = sample.group(2) == null ? "" : sample.group(2);
        samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
      }
    }
    return samples;
  }

  public static Map<String, Double> scrape(Http http) {
    return samples(http.get("/metrics").body());
  }

  /** One series of the node's metrics now; NaN when the node does not expose it. */
  public static double value(Http http, String series) {
    return scrape(http).getOrDefault(series, Double.NaN);
  }
}
