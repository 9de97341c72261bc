package io.kubecdc.sink.fakes;

import io.kubecdc.sink.kafka.DeadLetters;
import io.kubecdc.sink.kafka.SourceRef;
import java.util.ArrayList;
import java.util.List;

/** Keeps dead letters in memory. */
public final class RecordingDeadLetters implements DeadLetters {
  public record Letter(SourceRef source, String reason, String error) {}

  public final List<Letter> letters = new ArrayList<>();

  @Override
  public void send(SourceRef source, String reason, String error) {
    letters.add(new Letter(source, reason, error));
  }

  @Override
  public void close() {}
}
