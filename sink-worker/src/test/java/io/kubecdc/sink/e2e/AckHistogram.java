package io.kubecdc.sink.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker's {@code kubecdc_sink_commit_to_ack_seconds} histogram from a {@code /metrics} scrape:
 * cumulative counts per upper bound. Two scrapes subtract to a window; quantiles are interpolated
 * inside the bucket, as Prometheus' histogram_quantile does.
 */
record AckHistogram(double[] bounds, double[] cumulative) {
  private static final Pattern BUCKET =
      Pattern.compile("^kubecdc_sink_commit_to_ack_seconds_bucket\\{.*le=\"([^\"]+)\".*} (\\S+)$");

  static AckHistogram parse(String metrics) {
    List<double[]> rows = new ArrayList<>();
    for (String line : metrics.split("\n")) {
      Matcher m = BUCKET.matcher(line);
      if (m.matches()) {
        double le =
            m.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(m.group(1));
        rows.add(new double[] {le, Double.parseDouble(m.group(2))});
      }
    }
    rows.sort((a, b) -> Double.compare(a[0], b[0]));
    return new AckHistogram(
        rows.stream().mapToDouble(r -> r[0]).toArray(),
        rows.stream().mapToDouble(r -> r[1]).toArray());
  }

  AckHistogram minus(AckHistogram earlier) {
    double[] c = cumulative.clone();
    for (int i = 0; i < c.length && i < earlier.cumulative.length; i++) {
      c[i] -= earlier.cumulative[i];
    }
    return new AckHistogram(bounds, c);
  }

  double count() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** The p-th percentile in milliseconds; infinite when it falls above the last finite bound. */
  double percentileMs(double p) {
    double rank = p / 100 * count();
    for (int i = 0; i < bounds.length; i++) {
      if (cumulative[i] >= rank) {
        if (Double.isInfinite(bounds[i])) {
          return Double.POSITIVE_INFINITY;
        }
        double lower = i == 0 ? 0 : bounds[i - 1];
        double below = i == 0 ? 0 : cumulative[i - 1];
        double inBucket = cumulative[i] - below;
        double f = inBucket == 0 ? 1 : (rank - below) / inBucket;
        return (lower + (bounds[i] - lower) * f) * 1000;
      }
    }
    return Double.NaN;
  }

  /** The upper bound of the highest non-empty bucket, in ms: the max is at most this. */
  double maxBoundMs() {
    for (int i = 0; i < bounds.length; i++) {
      if (cumulative[i] >= count()) {
        return bounds[i] * 1000;
      }
    }
    return Double.NaN;
  }

  void print(String window) {
    System.out.printf(
        "freshness %s %-20s p50 %6.0f ms, p95 %6.0f ms, p99 %6.0f ms, max <= %.0f ms"
            + " (worker histogram, %,.0f rows)%n",
        window,
        "commit -> acked:",
        percentileMs(50),
        percentileMs(95),
        percentileMs(99),
        maxBoundMs(),
        count());
  }
}
