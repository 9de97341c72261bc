package io.kubecdc.sink.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the YAML configuration into {@link SinkConfig} and validates it. Every failure becomes a
 * {@link ConfigException} whose messages name the field path ({@code tables[1].keyColumns: must not
 * be empty}, {@code batch.maxRowz: unknown property}).
 */
public final class ConfigLoader {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);

  private ConfigLoader() {}

  public static SinkConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(text);
  }

  public static SinkConfig parse(String yaml) throws ConfigException {
    SinkConfig config;
    try {
      config = YAML.readValue(yaml, SinkConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(path(e) + ": unknown property");
    } catch (JsonMappingException e) {
      throw new ConfigException(path(e) + ": " + reason(e));
    } catch (JsonProcessingException e) {
      throw new ConfigException("not valid YAML: " + e.getOriginalMessage());
    }
    if (config == null) {
      throw new ConfigException("config file is empty");
    }
    ConfigValidator.validate(config);
    return config;
  }

  private static String reason(JsonMappingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
      return cause.getMessage();
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" (through reference chain");
    return cut > 0 ? message.substring(0, cut) : message;
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.isEmpty() ? "(root)" : path.toString();
  }
}
