package io.kubecdc.api.crd.v1alpha1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Where the pipelines of one namespace run: the PostgreSQL connections of the logical sources,
 * Kafka, Kafka Connect, ClickHouse and the sink-worker image. Pipelines name it (default {@code
 * default}); it carries nothing that says what to capture.
 */
@Group(CdcPipeline.GROUP)
@Version(CdcPipeline.VERSION)
@Plural("cdcenvironments")
@ShortNames("cdcenv")
public class CdcEnvironment extends CustomResource<CdcEnvironmentSpec, CdcEnvironmentStatus>
    implements Namespaced {}
