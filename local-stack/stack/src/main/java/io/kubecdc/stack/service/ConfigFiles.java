package io.kubecdc.stack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small file helpers for writing service configuration. */
final class ConfigFiles {
  private ConfigFiles() {}

  static void writeProperties(Path file, Map<String, String> values) {
    String text =
        new TreeMap<>(values)
            .entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "# written by the KubeCDC local stack\n", "\n"));
    write(file, text);
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
