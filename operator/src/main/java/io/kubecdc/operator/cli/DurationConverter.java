package io.kubecdc.operator.cli;

import io.kubecdc.operator.config.Durations;
import java.time.Duration;
import picocli.CommandLine;

/** {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, as in the operator's settings. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
  @Override
  public Duration convert(String value) {
    return Durations.parse(value)
        .orElseThrow(
            () ->
                new CommandLine.TypeConversionException(
                    "'" + value + "' is not a positive duration such as 30s, 5m or 1h"));
  }
}
