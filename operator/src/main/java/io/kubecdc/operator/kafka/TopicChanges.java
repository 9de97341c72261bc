package io.kubecdc.operator.kafka;

import java.util.ArrayList;
import java.util.List;

/** What one reconcile of the topics did, and what it could not do. */
final class TopicChanges {
  final List<String> created = new ArrayList<>();
  final List<String> grown = new ArrayList<>();
  final List<String> reconfigured = new ArrayList<>();
  final List<String> cannotChange = new ArrayList<>();

  String summary(int total) {
    List<String> parts = new ArrayList<>();
    parts.add(total + " topic(s)");
    add(parts, "created", created);
    add(parts, "partitions added", grown);
    add(parts, "settings changed", reconfigured);
    return String.join("; ", parts);
  }

  private static void add(List<String> parts, String what, List<String> topics) {
    if (!topics.isEmpty()) {
      parts.add(what + ": " + String.join(", ", topics));
    }
  }
}
