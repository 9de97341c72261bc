{{/* The release's full name, at most 63 characters. */}}
{{- define "kubecdc.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "kubecdc.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "kubecdc.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Labels of every object of the chart. */}}
{{- define "kubecdc.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "kubecdc.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: kubecdc
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Labels that select the operator's pod; stable across upgrades. */}}
{{- define "kubecdc.selectorLabels" -}}
app.kubernetes.io/name: kubecdc-operator
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "kubecdc.operatorImage" -}}
{{- printf "%s:%s" .Values.operator.image.repository (default .Chart.AppVersion .Values.operator.image.tag) -}}
{{- end -}}

{{- define "kubecdc.sinkImage" -}}
{{- default (printf "kubecdc/sink-worker:%s" .Chart.AppVersion) .Values.sinkWorker.image -}}
{{- end -}}

{{/* The operator's permissions: the one list of rules the operator's own RBAC test reads. */}}
{{- define "kubecdc.rules" -}}
{{ .Files.Get "files/rbac-rules.yaml" }}
{{- end -}}
