/**
 * The KubeCDC resources, version {@code v1alpha1} of group {@code kubecdc.io}: {@link
 * io.kubecdc.api.crd.v1alpha1.CdcPipeline} says WHAT to capture and is the same manifest in every
 * environment; {@link io.kubecdc.api.crd.v1alpha1.CdcEnvironment} says WHERE (hosts, URLs, Secrets,
 * images) and differs per namespace. Defaults and validation live in the generated CRD schema
 * (annotations here), never in the reconciler.
 */
package io.kubecdc.api.crd.v1alpha1;
