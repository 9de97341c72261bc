package io.kubecdc.operator.standalone;

import io.kubecdc.operator.core.PipelineRequest;
import java.util.List;
import java.util.OptionalLong;

/** Rows per table at both ends of a pipeline, what a user compares first. */
interface RowCounts {
  /** One table's counts; empty where it could not be counted. */
  record Counts(OptionalLong source, OptionalLong clickhouse) {}

  /** One entry per table of the spec, in its order. */
  List<Counts> count(PipelineRequest request);
}
