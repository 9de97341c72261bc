package io.kubecdc.operator.standalone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.io.input.ReversedLinesFileReader;

/**
 * The last lines of the worker's log on one line ({@code " / "} between them), so that a crash is
 * reported with its cause in a condition message.
 */
final class LogTail {
  private LogTail() {}

  static String of(Path log, int lines) {
    try (ReversedLinesFileReader reader =
        ReversedLinesFileReader.builder().setPath(log).setCharset(StandardCharsets.UTF_8).get()) {
      List<String> last = new ArrayList<>(reader.readLines(lines));
      Collections.reverse(last);
      return String.join(" / ", last);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
