package io.kubecdc.operator.standalone;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kubecdc.api.crd.v1alpha1.GenerationStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checkpoint generations' history of a standalone pipeline, in place of {@code
 * status.generations}: kept in the state folder ({@code generations.json}), because raising the
 * version means restarting {@code kubecdc run} with the changed file, and the history (when a
 * generation went live, when the retired one's tables may be dropped) must survive that, and a
 * version below one that ran is refused at start.
 */
class GenerationHistory {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private List<GenerationStatus> last;

  private GenerationHistory(Path file) {
    this.file = file;
  }

  static GenerationHistory inFile(Path file) {
    return new GenerationHistory(file);
  }

  static GenerationHistory inMemory() {
    return new GenerationHistory(null);
  }

  List<GenerationStatus> load() {
    if (last == null) {
      last = new ArrayList<>();
      if (file != null && Files.exists(file)) {
        try {
          last = JSON.readValue(file.toFile(), new TypeReference<List<GenerationStatus>>() {});
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read " + file, e);
        }
      }
    }
    return List.copyOf(last);
  }

  /** The highest version in the history, 0 when it is empty. */
  int highestVersion() {
    return load().stream().mapToInt(GenerationStatus::getVersion).max().orElse(0);
  }

  void save(List<GenerationStatus> generations) {
    last = new ArrayList<>(generations);
    if (file != null) {
      try {
        StateDir.writePrivate(file, JSON.writeValueAsString(generations));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }
  }
}
