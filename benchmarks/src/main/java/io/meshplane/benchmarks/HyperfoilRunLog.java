package io.meshplane.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the Hyperfoil Maven plugin (0.25.2, {@code hyperfoil:run} with {@code outputPercentileDistribution}) logs
 * for one phase and metric, and answers the figures of scenario S8. The plugin writes no report file: for every
 * {@code <phase>/<metric>} it logs a header line, {@code N requests in …}, the HdrHistogram percentile table (values in
 * microseconds), and, only when there were any, {@code Socket errors: errors A, timeouts B} and
 * {@code Non-2xx or 3xx responses: C}. It also logs {@code Phase <phase> used <min> - <max> sessions.}
 *
 * <p>A percentile is the value of the first table row whose cumulative count reaches it (HdrHistogram's rank,
 * {@code p × count} rounded); the table's rows are a subset of the histogram's buckets, so this is an upper bound that
 * is exact wherever neighbouring rows share a value, as they do in the tail.
 *
 * <p>{@code <log> <phase>/<metric> <seconds> [max-sessions]} prints one line,
 * {@code <achieved-rps> <p50-ms> <p99-ms> <p99.9-ms> <errors>}, where the achieved rate is the responses counted over
 * the phase's configured duration (the plugin's own "Requests/sec" divides by the histogram's time stamps, which cover
 * whole statistics periods only). When the phase used every session it was allowed, the generator could not hold the
 * rate: that is said on stderr.
 */
public final class HyperfoilRunLog {
  private static final Pattern HEADER = Pattern.compile("\\[i\\.h\\.m\\.RunMojo] (\\S+/\\S+):\\s*$");
  private static final Pattern REQUESTS = Pattern.compile("\\[i\\.h\\.m\\.RunMojo] (\\d+) requests in ");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*([0-9]+(?:\\.[0-9]+)?)\\s+([01]\\.[0-9]+)\\s+([0-9]+)(?:\\s+([0-9.]+|Infinity))?\\s*$");
  private static final Pattern TOTAL = Pattern.compile("Total count\\s*=\\s*(\\d+)");
  private static final Pattern SOCKET = Pattern.compile("Socket errors: errors (\\d+), timeouts (\\d+)");
  private static final Pattern STATUS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SESSIONS = Pattern.compile("Phase (\\S+) used (\\d+) - (\\d+) sessions\\.");
  private static final Pattern END = Pattern.compile("\\[i\\.h\\.m\\.RunMojo] Finished running simulation");

  /** One row of the percentile table: the value in microseconds and the count of responses at or below it. */
  record Row(double micros, long cumulative) {}

  /** The figures of one phase and metric. {@code maxSessions} is -1 when the log does not say. */
  public record Stats(long requests, List<Row> rows, long errors, int maxSessions) {
    /** The latency at {@code percentile} (0–100) in milliseconds; NaN without responses. */
    public double percentileMillis(double percentile) {
      long total = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).cumulative();
      if (total == 0) {
        return Double.NaN;
      }
      long rank = Math.max(1, (long) (percentile / 100.0 * total + 0.5));
      for (Row row : rows) {
        if (row.cumulative() >= rank) {
          return row.micros() / 1000.0;
        }
      }
      return rows.get(rows.size() - 1).micros() / 1000.0;
    }

    /** {@code <achieved-rps> <p50-ms> <p99-ms> <p99.9-ms> <errors>}, the rate over {@code seconds}. */
    public String line(double seconds) {
      return String.format(Locale.ROOT, "%.1f %.3f %.3f %.3f %d", requests / seconds, percentileMillis(50),
          percentileMillis(99), percentileMillis(99.9), errors);
    }
  }

  private HyperfoilRunLog() {}

  /**
   * The statistics of {@code key} ({@code <phase>/<metric>}) in the plugin's log.
   *
   * @throws IllegalArgumentException when the log has no such section or it has no percentile table
   */
  public static Stats parse(List<String> lines, String key) {
    String phase = key.substring(0, key.indexOf('/'));
    int maxSessions = -1;
    for (String line : lines) {
      Matcher sessions = SESSIONS.matcher(line);
      if (sessions.find() && sessions.group(1).equals(phase)) {
        maxSessions = Integer.parseInt(sessions.group(3));
      }
    }
    int start = -1;
    for (int i = 0; i < lines.size() && start < 0; i++) {
      Matcher header = HEADER.matcher(lines.get(i));
      if (header.find() && header.group(1).equals(key)) {
        start = i + 1;
      }
    }
    if (start < 0) {
      throw new IllegalArgumentException("no statistics for " + key + " in the Hyperfoil log");
    }
    long requests = -1;
    long total = -1;
    long errors = 0;
    List<Row> rows = new ArrayList<>();
    for (int i = start; i < lines.size(); i++) {
      String line = lines.get(i);
      if (HEADER.matcher(line).find() || END.matcher(line).find()) {
        break;
      }
      Matcher m;
      if ((m = REQUESTS.matcher(line)).find()) {
        requests = Long.parseLong(m.group(1));
      } else if ((m = ROW.matcher(line)).find()) {
        rows.add(new Row(Double.parseDouble(m.group(1)), Long.parseLong(m.group(3))));
      } else if ((m = TOTAL.matcher(line)).find()) {
        total = Long.parseLong(m.group(1));
      } else if ((m = SOCKET.matcher(line)).find()) {
        errors += Long.parseLong(m.group(1)) + Long.parseLong(m.group(2));
      } else if ((m = STATUS.matcher(line)).find()) {
        errors += Long.parseLong(m.group(1));
      }
    }
    if (requests < 0) {
      throw new IllegalArgumentException("no request count for " + key + " in the Hyperfoil log");
    }
    if (requests > 0 && rows.isEmpty()) {
      throw new IllegalArgumentException("no percentile table for " + key
          + " in the Hyperfoil log (is outputPercentileDistribution on?)");
    }
    if (total >= 0 && total != requests) {
      throw new IllegalArgumentException(
          key + ": the percentile table counts " + total + " responses, the summary " + requests);
    }
    return new Stats(requests, List.copyOf(rows), errors, maxSessions);
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 3) {
      System.err.println("usage: HyperfoilRunLog <log> <phase>/<metric> <seconds> [max-sessions]");
      System.exit(2);
    }
    List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
    Stats stats;
    try {
      stats = parse(lines, args[1]);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    if (args.length > 3 && stats.maxSessions() >= Integer.parseInt(args[3])) {
      System.err.println("warning: " + args[1] + " used all " + args[3] + " sessions it was allowed: Hyperfoil "
          + "throttled, so the rate asked for was not held (the server was too slow for it)");
    }
    System.out.println(stats.line(Double.parseDouble(args[2])));
  }
}
