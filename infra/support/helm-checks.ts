import {
  checkInstanceEnv,
  listenPort,
  perInstanceVariables,
  platformSecretProblems,
  sharedStateVariables,
  stopBudgetMs,
  type AppInstance,
} from './env-rules';
import type { Manifest } from './helm-chart';
import type { DeployableApp } from './workspace-apps';

export interface ChartContext {
  readonly apps: readonly DeployableApp[];
  /** HTTP paths each app's health controller answers, by project. */
  readonly healthPaths: Readonly<Record<string, readonly string[]>>;
  /** The image's user (infra/Dockerfile's USER). */
  readonly imageUser: number;
  /** The release's object-name prefix. */
  readonly fullname: string;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Probe {
  grpc?: { port: number; service?: string };
  httpGet?: { path: string; port: number | string };
  tcpSocket?: { port: number };
}
interface Container {
  name: string;
  image: string;
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { containerPort: number }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
interface Workload extends Manifest {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

/** A stand-in for values only the cluster knows: a pod IP, a pod's ordinal. */
const FIELD_VALUES: Record<string, (pod: number) => string> = {
  'status.podIP': (pod) => `10.0.0.${pod + 1}`,
  "metadata.labels['apps.kubernetes.io/pod-index']": (pod) => String(pod),
};

const isWorkload = (m: Manifest): m is Workload =>
  m.kind === 'Deployment' || m.kind === 'StatefulSet';
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string>) =>
  selector !== undefined && Object.entries(selector).every(([key, value]) => labels[key] === value);

/** Every check of the rendered chart against the workspace's apps; empty when all hold. */
export function checkManifests(manifests: readonly Manifest[], ctx: ChartContext): string[] {
  const problems: string[] = [];
  const find = (kind: string, name: string) =>
    manifests.find((m) => m.kind === kind && m.metadata.name === name);
  const secretValue = (ref: { name: string; key: string }, where: string) => {
    const secret = find('Secret', ref.name) as { stringData?: Record<string, string> } | undefined;
    const value = secret?.stringData?.[ref.key];
    if (value === undefined) problems.push(`${where}: Secret ${ref.name} has no key ${ref.key}`);
    return value ?? '';
  };

  const instances: AppInstance[] = [];
  for (const app of ctx.apps) {
    const name = `${ctx.fullname}-${app.name}`;
    const workload = manifests.filter(isWorkload).find((m) => m.metadata.name === name);
    const where = `${workload?.kind ?? 'workload'} ${name}`;
    if (!workload) {
      problems.push(`chart: no Deployment or StatefulSet ${name} for ${app.name}`);
      continue;
    }
    const pod = workload.spec.template.spec;
    const container = pod.containers.find((c) => c.name === app.name);
    if (!container) {
      problems.push(`${where}: no container ${app.name}`);
      continue;
    }
    if (!container.image.includes(`/${app.project}:`)) {
      problems.push(`${where}: image ${container.image} is not the ${app.project} image`);
    }

    // The environment each pod starts with: its ConfigMaps, then its own variables.
    const fromConfigMaps: Record<string, string> = {};
    for (const source of container.envFrom ?? []) {
      if (source.secretRef)
        problems.push(`${where}: envFrom a Secret hides which variables it sets`);
      const map = source.configMapRef && find('ConfigMap', source.configMapRef.name);
      if (source.configMapRef && !map)
        problems.push(`${where}: ConfigMap ${source.configMapRef.name} is not in the chart`);
      Object.assign(
        fromConfigMaps,
        (map as { data?: Record<string, string> } | undefined)?.data ?? {},
      );
    }
    const envOf = (podIndex: number) => {
      const env: Record<string, string> = { ...fromConfigMaps };
      for (const variable of container.env ?? []) {
        const from = variable.valueFrom;
        if (from?.fieldRef) {
          const value = FIELD_VALUES[from.fieldRef.fieldPath];
          if (!value)
            problems.push(
              `${where}: ${variable.name} from ${from.fieldRef.fieldPath}, which this check cannot stand in for`,
            );
          env[variable.name] = value?.(podIndex) ?? '';
        } else if (from?.secretKeyRef) env[variable.name] = secretValue(from.secretKeyRef, where);
        else env[variable.name] = variable.value ?? '';
      }
      return env;
    };
    const env = envOf(0);
    instances.push({ where, app, env });
    const checked = checkInstanceEnv({ where, app, env });
    problems.push(...checked.problems);
    const config = checked.config;
    if (!config) continue;
    const port = listenPort(app, config);

    // Secrets stay in Secrets.
    for (const variable of Object.keys(fromConfigMaps).filter((n) =>
      /(_URL|_TOKEN|_KEY|_SECRET)$/.test(n),
    )) {
      problems.push(`${where}: ${variable} is in a ConfigMap; credentials belong in a Secret`);
    }

    // Instances: how many, each with its own id, sharing their state.
    const replicas = workload.spec.replicas;
    const hpa = manifests.find(
      (m) =>
        m.kind === 'HorizontalPodAutoscaler' &&
        (m.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef.name === name,
    ) as { spec: { minReplicas?: number; scaleTargetRef: { kind: string } } } | undefined;
    const least = hpa ? (hpa.spec.minReplicas ?? 1) : (replicas ?? 1);
    if (hpa && hpa.spec.scaleTargetRef.kind !== workload.kind) {
      problems.push(
        `${where}: its HorizontalPodAutoscaler targets a ${hpa.spec.scaleTargetRef.kind}`,
      );
    }
    if (hpa && replicas !== undefined)
      problems.push(`${where}: sets replicas and is autoscaled (they fight)`);
    if (app.role !== 'console' && least < 2)
      problems.push(`${where}: runs ${least} instance(s), wanted at least 2`);
    if (app.role !== 'console' && !hpa) problems.push(`${where}: has no HorizontalPodAutoscaler`);
    for (const variable of perInstanceVariables(app)) {
      // Unset, each pod draws its own; set, each must have its own.
      if (envOf(0)[variable] !== undefined && envOf(0)[variable] === envOf(1)[variable]) {
        problems.push(
          `${where}: every pod gets the same ${variable}; each needs its own (the StatefulSet pod index)`,
        );
      }
    }
    for (const variable of sharedStateVariables(app)) {
      if (least > 1 && !env[variable])
        problems.push(
          `${where}: ${least} pods without ${variable} keep apart what they should share`,
        );
    }
    if (least > 1) {
      const pdb = manifests.find(
        (m) =>
          m.kind === 'PodDisruptionBudget' &&
          matches(
            (m.spec as { selector?: { matchLabels?: Record<string, string> } }).selector
              ?.matchLabels,
            workload.spec.template.metadata.labels,
          ),
      );
      if (!pdb) problems.push(`${where}: no PodDisruptionBudget covers its pods`);
    }

    // Probes call what the app serves, where it listens.
    const probes = {
      readinessProbe: container.readinessProbe,
      livenessProbe: container.livenessProbe,
      startupProbe: container.startupProbe,
    };
    for (const [kind, probe] of Object.entries(probes)) {
      if (!probe) {
        if (kind !== 'startupProbe') problems.push(`${where}: no ${kind}`);
        continue;
      }
      if (app.role === 'service') {
        if (!probe.grpc) problems.push(`${where}: ${kind} is not gRPC health`);
        else if (probe.grpc.port !== port)
          problems.push(
            `${where}: ${kind} calls gRPC health on ${probe.grpc.port}, ${app.name} listens on ${port}`,
          );
      } else if (!probe.httpGet) {
        problems.push(`${where}: ${kind} is not an HTTP probe of a health path`);
      } else {
        const paths = ctx.healthPaths[app.project] ?? [];
        if (!paths.includes(probe.httpGet.path))
          problems.push(
            `${where}: ${kind} GET ${probe.httpGet.path}, not one of ${app.name}'s health paths (${paths.join(', ')})`,
          );
        if (Number(probe.httpGet.port) !== port)
          problems.push(
            `${where}: ${kind} probes port ${probe.httpGet.port}, ${app.name} listens on ${port}`,
          );
      }
    }

    // Ports: declared where it listens; the Service forwards to them.
    const containerPorts = new Set((container.ports ?? []).map((p) => p.containerPort));
    if (!containerPorts.has(port))
      problems.push(`${where}: no containerPort ${port}, where ${app.name} listens`);
    if (Number(config.METRICS_PORT) > 0 && !containerPorts.has(Number(config.METRICS_PORT))) {
      problems.push(`${where}: no containerPort for METRICS_PORT ${String(config.METRICS_PORT)}`);
    }
    for (const declared of containerPorts) {
      const known = [port, config.METRICS_PORT, config.CONSOLE_OTLP_PORT].map(Number);
      if (!known.includes(declared))
        problems.push(`${where}: containerPort ${declared} is no port ${app.name} listens on`);
    }
    const service = manifests.find(
      (m) =>
        m.kind === 'Service' &&
        matches(
          (m.spec as { selector?: Record<string, string> }).selector,
          workload.spec.template.metadata.labels,
        ),
    ) as
      | { metadata: { name: string }; spec: { ports: { targetPort: number | string }[] } }
      | undefined;
    if (!service) problems.push(`${where}: no Service selects its pods`);
    for (const servicePort of service?.spec.ports ?? []) {
      if (!containerPorts.has(Number(servicePort.targetPort))) {
        problems.push(
          `Service ${service?.metadata.name}: targetPort ${servicePort.targetPort} is not a port of ${app.name}`,
        );
      }
    }

    // Stopping: long enough for the drain; as the image's non-root user.
    const grace = (pod.terminationGracePeriodSeconds ?? 30) * 1000;
    if (app.role !== 'console' && grace < stopBudgetMs(config)) {
      problems.push(
        `${where}: terminationGracePeriodSeconds ${grace / 1000} is shorter than its drain (${stopBudgetMs(config)} ms)`,
      );
    }
    if (
      pod.securityContext?.runAsNonRoot !== true ||
      pod.securityContext.runAsUser !== ctx.imageUser
    ) {
      problems.push(`${where}: must run as non-root user ${ctx.imageUser}, the image's`);
    }
    if (
      container.securityContext?.readOnlyRootFilesystem !== true ||
      container.securityContext.allowPrivilegeEscalation !== false
    ) {
      problems.push(
        `${where}: its container must have a read-only root and no privilege escalation`,
      );
    }
  }

  // Nothing runs that is not a deployable app.
  for (const workload of manifests.filter(isWorkload)) {
    if (!ctx.apps.some((app) => workload.metadata.name === `${ctx.fullname}-${app.name}`)) {
      problems.push(
        `${workload.kind} ${workload.metadata.name}: not a deployable app of the workspace`,
      );
    }
  }
  problems.push(...platformSecretProblems(instances, 'chart'));
  return problems;
}
