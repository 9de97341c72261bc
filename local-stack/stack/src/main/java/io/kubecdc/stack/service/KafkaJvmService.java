package io.kubecdc.stack.service;

import io.kubecdc.stack.StackConfig;
import java.nio.file.Path;
import java.util.List;

/** A service run from the Kafka class path (broker or Connect), logging to the console. */
abstract class KafkaJvmService extends JavaService {
  private final String maxHeap;

  KafkaJvmService(StackConfig config, String name, String maxHeap) {
    super(config, name);
    this.maxHeap = maxHeap;
  }

  /** Writes the log4j2 configuration that {@link #jvmOptions()} points at. */
  protected void writeLogConfig() {
    ConfigFiles.write(logConfig(), Log4j.CONSOLE);
  }

  protected Path logConfig() {
    return dir().resolve("log4j2.properties");
  }

  @Override
  protected List<String> jvmOptions() {
    return List.of(
        "-Xms128m", "-Xmx" + maxHeap, "-XX:+UseG1GC", "-Dlog4j2.configurationFile=" + logConfig());
  }

  @Override
  protected String classPath() {
    return config.layout().kafkaLib() + "/*";
  }
}
