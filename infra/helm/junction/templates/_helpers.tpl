{{/* The release's name prefix of every object. */}}
{{- define "junction.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* One app's object name: <fullname>-<app>. Called with (dict "root" $ "name" $name). */}}
{{- define "junction.appName" -}}
{{- printf "%s-%s" (include "junction.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The settings Secret's name (the chart's own). */}}
{{- define "junction.secretName" -}}
{{- printf "%s-settings" (include "junction.fullname" .) -}}
{{- end -}}

{{/* Labels that select one app's pods. */}}
{{- define "junction.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Every object's labels. */}}
{{- define "junction.labels" -}}
{{ include "junction.selectorLabels" . }}
app.kubernetes.io/part-of: junction
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* An app's entry over appDefaults, as JSON (fromJson it). */}}
{{- define "junction.app" -}}
{{- mergeOverwrite (deepCopy .root.Values.appDefaults) .spec | toJson -}}
{{- end -}}

{{/* `<NAME>` of an app's <NAME>_HOST / <NAME>_PORT, as @junction/config's envPrefix. */}}
{{- define "junction.envPrefix" -}}
{{- . | upper | replace "-" "_" -}}
{{- end -}}
