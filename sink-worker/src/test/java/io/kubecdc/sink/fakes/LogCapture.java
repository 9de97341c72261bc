package io.kubecdc.sink.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Records what one class logs, as {@code "WARN event=..."} lines, until closed. */
public final class LogCapture extends AbstractAppender implements AutoCloseable {
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger logger;

  public LogCapture(Class<?> source) {
    this(source.getName());
  }

  /** Captures the logger {@code name}, behind the filters the worker's log4j2.xml gives it. */
  public LogCapture(String name) {
    super("capture-" + name, null, null, true, Property.EMPTY_ARRAY);
    start();
    logger = (Logger) LogManager.getLogger(name);
    logger.addAppender(this);
  }

  @Override
  public void append(LogEvent event) {
    lines.add(event.getLevel() + " " + event.getMessage().getFormattedMessage());
  }

  /** The lines that contain {@code text}. */
  public List<String> containing(String text) {
    return lines.stream().filter(l -> l.contains(text)).toList();
  }

  @Override
  public void close() {
    logger.removeAppender(this);
    stop();
  }
}
