package io.kubecdc.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** docs/argocd/cdcpipeline-health.lua on the pipelines Argo CD will see. */
class ArgoHealthTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void shouldWaitForAStatusAndForTheLatestGeneration() throws IOException {
    assertThat(health("metadata: {generation: 1}")).containsEntry("status", "Progressing");
    Map<String, String> stale =
        health(
            """
            metadata: {generation: 3}
            status: {observedGeneration: 2, phase: Streaming,
                     conditions: [{type: Ready, status: "True"}]}
            """);
    assertThat(stale).containsEntry("status", "Progressing");
    assertThat(stale.get("message")).contains("generation 3");
  }

  @Test
  void shouldBeHealthyOnlyWhenReady() throws IOException {
    Map<String, String> h =
        health(
            """
            metadata: {generation: 2}
            status: {observedGeneration: 2, phase: Streaming, tablesReady: 3/3, lag: 12,
                     conditions: [{type: SourceReady, status: "True"},
                                  {type: Ready, status: "True", reason: Streaming}]}
            """);
    assertThat(h).containsEntry("status", "Healthy");
    assertThat(h.get("message")).isEqualTo("Streaming, tables 3/3, lag 12");
  }

  @Test
  void shouldBeDegradedWithTheReasonAndTheFixWhenAPartFailed() throws IOException {
    Map<String, String> h =
        health(
            """
            metadata: {generation: 1}
            status: {observedGeneration: 1, phase: Failed,
                     conditions: [{type: Ready, status: "False", reason: WalLevelNotLogical,
                                   message: "wal_level is replica: ALTER SYSTEM SET wal_level = logical"}]}
            """);
    assertThat(h).containsEntry("status", "Degraded");
    assertThat(h.get("message"))
        .isEqualTo(
            "Failed: WalLevelNotLogical: wal_level is replica: ALTER SYSTEM SET wal_level = logical");
  }

  @Test
  void shouldBeSuspendedWhenPausedAndProgressingWhileSnapshotting() throws IOException {
    assertThat(
            health(
                """
                metadata: {generation: 4}
                status: {observedGeneration: 4, phase: Paused,
                         conditions: [{type: Ready, status: "True"}]}
                """))
        .containsEntry("status", "Suspended");
    assertThat(
            health(
                """
                metadata: {generation: 1}
                status: {observedGeneration: 1, phase: Snapshotting,
                         conditions: [{type: Ready, status: "False", message: "snapshot of public.orders"}]}
                """))
        .containsEntry("status", "Progressing")
        .containsEntry("message", "Snapshotting: snapshot of public.orders");
  }

  private static Map<String, String> health(String pipelineYaml) throws IOException {
    Globals lua = JsePlatform.standardGlobals();
    lua.set("obj", toLua(YAML.readTree(pipelineYaml)));
    String script = Files.readString(Chart.ROOT.resolve("docs/argocd/cdcpipeline-health.lua"));
    LuaValue hs = lua.load(script, "cdcpipeline-health.lua").call();
    return Map.of("status", hs.get("status").tojstring(), "message", hs.get("message").tojstring());
  }

  /** A Kubernetes object as Argo CD hands it to a health script: nested Lua tables. */
  private static LuaValue toLua(JsonNode n) {
    if (n.isObject()) {
      LuaTable t = new LuaTable();
      n.properties().forEach(e -> t.set(e.getKey(), toLua(e.getValue())));
      return t;
    }
    if (n.isArray()) {
      LuaTable t = new LuaTable();
      for (int i = 0; i < n.size(); i++) {
        t.set(i + 1, toLua(n.get(i)));
      }
      return t;
    }
    if (n.isIntegralNumber()) {
      return LuaValue.valueOf(n.asLong());
    }
    if (n.isNumber()) {
      return LuaValue.valueOf(n.asDouble());
    }
    if (n.isBoolean()) {
      return LuaValue.valueOf(n.asBoolean());
    }
    return n.isNull() ? LuaValue.NIL : LuaValue.valueOf(n.asText());
  }
}
