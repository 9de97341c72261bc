package io.kubecdc.operator.status;

/**
 * The parts of a pipeline in the order data flows through them; each has its own condition. A part
 * can only work when the parts before it do, so the first part that is not ready explains the
 * pipeline's state.
 */
public enum Part {
  SOURCE("SourceReady"),
  TOPICS("TopicsReady"),
  TABLES("TablesReady"),
  CONNECTOR("ConnectorReady"),
  SINK("SinkReady");

  private final String conditionType;

  Part(String conditionType) {
    this.conditionType = conditionType;
  }

  public String conditionType() {
    return conditionType;
  }
}
