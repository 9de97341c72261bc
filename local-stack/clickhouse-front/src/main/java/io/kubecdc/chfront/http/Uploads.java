package io.kubecdc.chfront.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/** Files that hold insert bodies until the engine has read them with {@code FROM INFILE}. */
final class Uploads {
  private final Path dir;

  Uploads(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      try (Stream<Path> leftovers = Files.list(dir)) {
        leftovers.forEach(Uploads::deleteQuietly);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fresh file name; the extension is neutral so the engine does not guess a compression. */
  Path newFile() {
    return dir.resolve("insert-" + UUID.randomUUID() + ".data");
  }

  static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // best effort: the folder is emptied again at the next start
    }
  }
}
