/**
 * Development tooling for API servers without nodes (the local stack's kube-apiserver): a stand-in
 * for the kubelet that runs the operator's sink-worker pods as local processes from what their pod
 * spec references (ConfigMap, Secret) and reports them Running and Ready as a kubelet would. Not
 * part of the operator in a cluster; used by {@code bin/kube-demo} and the tests on the real API
 * server.
 */
package io.kubecdc.operator.dev;
