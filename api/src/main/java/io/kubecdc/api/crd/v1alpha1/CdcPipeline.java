package io.kubecdc.api.crd.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn.Type;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A change-data-capture pipeline from one PostgreSQL source into ClickHouse tables. */
@Group(CdcPipeline.GROUP)
@Version(CdcPipeline.VERSION)
@Plural("cdcpipelines")
@ShortNames("cdcp")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = Type.STRING)
@AdditionalPrinterColumn(name = "Phase", jsonPath = ".status.phase", type = Type.STRING)
@AdditionalPrinterColumn(name = "Tables", jsonPath = ".status.tablesReady", type = Type.STRING)
@AdditionalPrinterColumn(name = "Lag", jsonPath = ".status.lag", type = Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Fresh",
    jsonPath = ".status.freshnessSeconds",
    type = Type.INTEGER,
    priority = 1,
    getDescription = "Seconds ClickHouse is behind the source, stalest table")
@AdditionalPrinterColumn(
    name = "Checkpoint",
    jsonPath = ".spec.checkpoint.version",
    type = Type.INTEGER)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp", type = Type.DATE)
public class CdcPipeline extends CustomResource<CdcPipelineSpec, CdcPipelineStatus>
    implements Namespaced {
  public static final String GROUP = "kubecdc.io";
  public static final String VERSION = "v1alpha1";
}
