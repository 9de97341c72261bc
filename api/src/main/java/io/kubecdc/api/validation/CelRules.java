package io.kubecdc.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a CRD's {@code x-kubernetes-validations} rules the way the API server does (v1.25+):
 * each rule at the node it is declared on, with {@code self} bound to the value there and, for
 * transition rules, {@code oldSelf} to the stored value (skipped on create), with Google's
 * CEL-Java. Used where no API server validates: the standalone runner, {@code kubecdc validate},
 * and the tests (the local API server, v1.20, has no CEL).
 */
final class CelRules {
  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("self", SimpleType.DYN)
          .addVar("oldSelf", SimpleType.DYN)
          .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private final JsonNode schema;

  /**
   * @param schema the CRD version's openAPIV3Schema
   */
  CelRules(JsonNode schema) {
    this.schema = schema;
  }

  /** The messages of the rules that {@code object} breaks ({@code old}: null on create). */
  List<String> violations(JsonNode object, JsonNode old) {
    List<String> out = new ArrayList<>();
    walk(schema, object, old, "", out);
    return out;
  }

  private void walk(JsonNode s, JsonNode value, JsonNode old, String path, List<String> out) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return;
    }
    for (JsonNode rule : s.path("x-kubernetes-validations")) {
      String expr = rule.path("rule").asText();
      boolean transition = expr.contains("oldSelf");
      if (transition && (old == null || old.isMissingNode())) {
        continue;
      }
      if (!evaluate(expr, value, old)) {
        out.add((path.isEmpty() ? "" : path.substring(1) + ": ") + rule.path("message").asText());
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
        walk(
            p.getValue(),
            value.get(p.getKey()),
            child(old, p.getKey()),
            path + "." + p.getKey(),
            out);
      }
      JsonNode values = s.path("additionalProperties");
      if (values.isObject()) {
        for (Map.Entry<String, JsonNode> e : value.properties()) {
          walk(values, e.getValue(), child(old, e.getKey()), path + "." + e.getKey(), out);
        }
      }
    } else if (value.isArray()) {
      // list items have no identity without x-kubernetes-list-type=map: no oldSelf for them
      for (int i = 0; i < value.size(); i++) {
        walk(s.path("items"), value.get(i), null, path + "[" + i + "]", out);
      }
    }
  }

  private static JsonNode child(JsonNode old, String key) {
    return old == null ? null : old.get(key);
  }

  /** Rules compiled once: a manifest is checked against the same few rules again and again. */
  private static final Map<String, CelRuntime.Program> PROGRAMS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static CelRuntime.Program program(String expr) {
    return PROGRAMS.computeIfAbsent(
        expr,
        e -> {
          try {
            CelAbstractSyntaxTree ast = COMPILER.compile(e).getAst();
            return RUNTIME.createProgram(ast);
          } catch (CelValidationException | CelEvaluationException x) {
            throw new IllegalStateException("rule does not compile: " + e, x);
          }
        });
  }

  private static boolean evaluate(String expr, JsonNode value, JsonNode old) {
    CelRuntime.Program program = program(expr);
    try {
      Map<String, Object> vars = new HashMap<>();
      vars.put("self", toCel(value));
      if (old != null) {
        vars.put("oldSelf", toCel(old));
      }
      return Boolean.TRUE.equals(program.eval(vars));
    } catch (CelEvaluationException e) {
      throw new IllegalStateException("rule does not evaluate: " + expr, e);
    }
  }

  private static Object toCel(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), toCel(e.getValue())));
      return m;
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(toCel(e)));
      return l;
    }
    if (n.isIntegralNumber()) {
      return n.asLong();
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isBoolean()) {
      return n.asBoolean();
    }
    return n.asText();
  }
}
