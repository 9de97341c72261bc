package io.kubecdc.stack.service;

/** Logging configuration for the Kafka processes: INFO to the console, which the stack logs. */
final class Log4j {
  static final String CONSOLE =
      """
      status = warn
      appender.console.type = Console
      appender.console.name = STDOUT
      appender.console.layout.type = PatternLayout
      appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
      rootLogger.level = INFO
      rootLogger.appenderRef.stdout.ref = STDOUT
      logger.kafka.name = kafka
      logger.kafka.level = INFO
      logger.reflections.name = org.reflections
      logger.reflections.level = ERROR
      """;

  private Log4j() {}
}
