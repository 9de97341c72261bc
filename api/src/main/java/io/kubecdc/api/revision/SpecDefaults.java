package io.kubecdc.api.revision;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A model object as a tree without its default values: within an object of a model class, a
 * property whose value equals the one a freshly constructed instance has is left out, recursively
 * (list elements and map values against a fresh instance of their own class). The defaults are
 * where the model keeps them, its field initialisers, which {@code ModelDefaultsTest} holds equal
 * to the CRD schema's {@code default:}s: no list of defaults is kept by hand here, so a field added
 * later with a default is left out as soon as it exists. The tree is also canonical: keys sorted,
 * nulls and empty lists, maps and objects left out.
 */
public final class SpecDefaults {
  private static final Map<Class<?>, Optional<JsonNode>> FRESH = new ConcurrentHashMap<>();

  private SpecDefaults() {}

  public static JsonNode withoutDefaults(ObjectMapper json, Object value) {
    return strip(json, json.valueToTree(value), json.constructType(value.getClass()));
  }

  private static JsonNode strip(ObjectMapper json, JsonNode node, JavaType type) {
    if (node.isArray()) {
      ArrayNode out = json.createArrayNode();
      JavaType element = type == null ? null : type.getContentType();
      node.forEach(e -> out.add(strip(json, e, element)));
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    Map<String, JavaType> properties = properties(json, type);
    JsonNode fresh = fresh(json, type).orElse(json.missingNode());
    ObjectNode out = json.createObjectNode();
    Map<String, JsonNode> sorted = new TreeMap<>();
    node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach(
        (name, v) -> {
          JavaType t = type != null && type.isMapLikeType() ? type.getContentType() : null;
          t = properties.getOrDefault(name, t);
          JsonNode c = strip(json, v, t);
          if (c.isNull() || (c.isContainerNode() && c.isEmpty())) {
            return;
          }
          JsonNode byDefault = fresh.get(name);
          if (byDefault != null && c.equals(strip(json, byDefault, t))) {
            return;
          }
          out.set(name, c);
        });
    return out;
  }

  /** The JSON properties of a model class with their declared types; none for anything else. */
  private static Map<String, JavaType> properties(ObjectMapper json, JavaType type) {
    if (!isModel(type)) {
      return Map.of();
    }
    Map<String, JavaType> out = new TreeMap<>();
    for (BeanPropertyDefinition p :
        json.getSerializationConfig().introspect(type).findProperties()) {
      out.put(p.getName(), p.getPrimaryType());
    }
    return out;
  }

  /** A freshly constructed instance of a model class as a tree: its defaults. */
  private static Optional<JsonNode> fresh(ObjectMapper json, JavaType type) {
    if (!isModel(type)) {
      return Optional.empty();
    }
    return FRESH.computeIfAbsent(
        type.getRawClass(),
        c -> {
          try {
            return Optional.of(json.valueToTree(c.getDeclaredConstructor().newInstance()));
          } catch (ReflectiveOperationException | IllegalArgumentException e) {
            return Optional.empty();
          }
        });
  }

  private static boolean isModel(JavaType type) {
    return type != null
        && !type.isContainerType()
        && !type.isPrimitive()
        && !type.isEnumType()
        && !JsonNode.class.isAssignableFrom(type.getRawClass())
        && type.getRawClass() != Object.class
        && !type.getRawClass().getName().startsWith("java.");
  }
}
