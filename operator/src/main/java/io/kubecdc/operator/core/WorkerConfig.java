package io.kubecdc.operator.core;

/**
 * The rendered sink-worker config of one checkpoint generation. While a generation is built beside
 * the live one, the core returns both and the driver runs one worker (Deployment or process) for
 * each, named by {@link io.kubecdc.contract.PipelineNames#sinkWorkload(int)}.
 */
public record WorkerConfig(int version, String yaml) {}
