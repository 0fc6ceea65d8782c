package hub.ameen.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/k8s/}: each overlay builds with {@code kubectl kustomize}; every workload
 * has probes, resource limits and a non-root security context and is covered by a
 * disruption budget; the stores are StatefulSets with volumes, but
 * notification-service's, which is disposable: a Deployment scaled by CPU; every pod of a
 * workload that keeps a store and runs as several is its own instance; the schedulers are
 * two, the gateways share their rate-limit buckets; the network policies let only the
 * gateway reach notification-service; every Service selects some workload's pods; Kafka
 * is a Strimzi KRaft cluster of the overlay's size (docs/ops-kubernetes.md).
 */
class KubernetesManifestsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev, 1", "prod, 3" })
	void overlayBuildsAndEveryWorkloadIsProbedLimitedNonRootAndCovered(String overlay, int kafkaNodes) {
		List<Map<String, Object>> resources = build(overlay);
		List<Map<String, Object>> workloads = ofKind(resources, "Deployment", "StatefulSet");
		assertThat(workloads).extracting(KubernetesManifestsTests::name)
			.containsExactlyInAnyOrderElementsOf(Hub.SERVICES);
		for (Map<String, Object> workload : workloads) {
			String name = kindAndName(workload);
			Map<String, Object> pod = map(map(workload, "spec", "template"), "spec");
			assertThat(map(pod, "securityContext").get("runAsNonRoot")).as(name + " runAsNonRoot").isEqualTo(true);
			for (Map<String, Object> container : list(pod, "containers")) {
				assertThat(container).as(name + " probes").containsKeys("livenessProbe", "readinessProbe");
				assertThat(map(container, "resources", "limits")).as(name + " limits").containsKeys("cpu", "memory");
				assertThat(map(container, "resources", "requests")).as(name + " requests")
					.containsKeys("cpu", "memory");
				assertThat(map(container, "securityContext")).as(name + " container security context")
					.containsEntry("allowPrivilegeEscalation", false)
					.containsEntry("readOnlyRootFilesystem", true);
			}
			assertThat(ofKind(resources, "PodDisruptionBudget"))
				.as(name + " has a disruption budget selecting its pods")
				.anySatisfy((pdb) -> assertThat(podLabels(workload)).containsAllEntriesOf(matchLabels(pdb)));
			if (kind(workload).equals("StatefulSet")) {
				assertThat(list(map(workload, "spec"), "volumeClaimTemplates")).as(name + " volume").hasSize(1);
			}
		}
		assertThat(ofKind(workloads, "Deployment")).extracting(KubernetesManifestsTests::name)
			.as("only the gateway and notification-service (a disposable store) are Deployments")
			.containsExactlyInAnyOrder("gateway", "notification-service");
		for (Map<String, Object> service : ofKind(resources, "Service")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> selector = (Map<String, Object>) map(service, "spec").get("selector");
			assertThat(selector).as(kindAndName(service) + " selector").isNotEmpty();
			assertThat(workloads).as(kindAndName(service) + " selects some workload's pods")
				.anySatisfy((workload) -> assertThat(podLabels(workload)).containsAllEntriesOf(selector));
		}
		assertThat(ofKind(resources, "HorizontalPodAutoscaler")).as("autoscaled Deployments")
			.extracting((hpa) -> map(hpa, "spec", "scaleTargetRef").get("kind") + " "
					+ map(hpa, "spec", "scaleTargetRef").get("name"))
			.containsExactlyInAnyOrder("Deployment gateway", "Deployment notification-service");
		assertThat(ofKind(resources, "Secret")).as("secrets are made by the operator, never committed").isEmpty();
		assertThat(ofKind(resources, "NetworkPolicy")).extracting(KubernetesManifestsTests::name)
			.contains("default-deny-ingress");
		assertThat(ofKind(resources, "Kafka")).singleElement()
			.satisfies((kafka) -> assertThat(map(kafka, "metadata", "annotations"))
				.containsEntry("strimzi.io/kraft", "enabled")
				.containsEntry("strimzi.io/node-pools", "enabled"));
		assertThat(ofKind(resources, "KafkaNodePool")).singleElement().satisfies((pool) -> {
			assertThat(map(pool, "spec").get("replicas")).isEqualTo(kafkaNodes);
			assertThat((List<Object>) map(pool, "spec").get("roles")).containsExactlyInAnyOrder("controller", "broker");
		});
		assertThat(map(ofKind(resources, "Kafka").get(0), "spec", "kafka", "config"))
			.containsEntry("offsets.topic.replication.factor", kafkaNodes);
		assertThat(resources).allSatisfy((resource) -> {
			if (!kind(resource).equals("Namespace")) {
				assertThat(map(resource, "metadata").get("namespace")).as(kindAndName(resource) + " namespace")
					.isEqualTo(overlay.equals("prod") ? "hub" : "hub-dev");
			}
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev, 1", "prod, 2" })
	void notificationServiceIsADeploymentOnADisposableStoreScaledByCpu(String overlay, int minReplicas) {
		List<Map<String, Object>> resources = build(overlay);
		Map<String, Object> notifications = workload(resources, "notification-service");
		assertThat(kind(notifications)).isEqualTo("Deployment");
		Map<String, Object> pod = map(notifications, "spec", "template", "spec");
		assertThat(map(notifications, "spec")).as("no volume claims").doesNotContainKey("volumeClaimTemplates");
		assertThat(ofKind(resources, "PersistentVolumeClaim")).isEmpty();
		assertThat(list(pod, "volumes")).as("volumes")
			.noneSatisfy((volume) -> assertThat(volume).containsKey("persistentVolumeClaim"));
		Map<String, Object> store = volumeMountedAt(pod, "/data");
		assertThat(map(store, "emptyDir")).as("the store is an emptyDir of bounded size").containsKey("sizeLimit");

		Map<String, Object> hpa = autoscalerOf(resources, notifications);
		assertThat((Integer) map(hpa, "spec").get("minReplicas")).as("min replicas")
			.isGreaterThanOrEqualTo(minReplicas);
		assertThat((Integer) map(hpa, "spec").get("maxReplicas")).as("max replicas")
			.isGreaterThan((Integer) map(hpa, "spec").get("minReplicas"));
		assertThat(list(map(hpa, "spec"), "metrics")).as("scaled by CPU")
			.anySatisfy((metric) -> assertThat(map(metric, "resource")).containsEntry("name", "cpu"));
		assertThat(map(notifications, "spec", "strategy", "rollingUpdate"))
			.as("a roll-out keeps every pod until its successor is up")
			.containsEntry("maxUnavailable", 0);

		// every pod signs and checks stream tickets with the same key, kept in a Secret
		Map<String, Object> container = list(pod, "containers").get(0);
		Map<String, Object> ticketSecret = env(container, "HUB_STREAM_TICKET_SECRET");
		assertThat(ticketSecret).as("HUB_STREAM_TICKET_SECRET").isNotNull().doesNotContainKey("value");
		assertThat(map(ticketSecret, "valueFrom", "secretKeyRef")).containsKeys("name", "key")
			.doesNotContainKey("optional");

		// a pod being stopped leaves the endpoints while it serves, then its streams end
		// and reconnect elsewhere: the grace period covers the wait and Spring's 20 s
		// shutdown phase
		int preStop = preStopSeconds(container);
		assertThat(preStop).as("preStop wait").isGreaterThanOrEqualTo(5);
		assertThat((Integer) pod.get("terminationGracePeriodSeconds")).as("termination grace")
			.isGreaterThanOrEqualTo(preStop + 20);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev", "prod" })
	void everyPodOfAStoreKeepingWorkloadThatRunsAsSeveralIsItsOwnInstance(String overlay) {
		List<Map<String, Object>> resources = build(overlay);
		List<String> replicated = new ArrayList<>();
		for (Map<String, Object> workload : ofKind(resources, "Deployment", "StatefulSet")) {
			Map<String, Object> spec = map(workload, "spec");
			boolean keepsAStore = list(map(spec, "template", "spec"), "containers").stream()
				.anyMatch((container) -> list(container, "volumeMounts").stream()
					.anyMatch((mount) -> "/data".equals(mount.get("mountPath"))));
			int most = ofKind(resources, "HorizontalPodAutoscaler").stream()
				.filter((hpa) -> name(workload).equals(map(hpa, "spec", "scaleTargetRef").get("name")))
				.map((hpa) -> (Integer) map(hpa, "spec").get("maxReplicas"))
				.findFirst()
				.orElse((Integer) spec.getOrDefault("replicas", 1));
			if (!keepsAStore || most < 2) {
				continue;
			}
			replicated.add(name(workload));
			Map<String, Object> container = list(map(spec, "template", "spec"), "containers").get(0);
			// the ids the first pods get: distinct, and none is 1, the id of a single
			// instance, whose consumer group holds that instance's offsets
			Set<String> ids = new HashSet<>();
			for (int index = 0; index < most; index++) {
				String id = instanceId(workload, container, index);
				assertThat(id).as(kindAndName(workload) + " pod " + index + " HUB_INSTANCE_ID")
					.isNotBlank()
					.isNotEqualTo("1");
				ids.add(id);
			}
			assertThat(ids).as(kindAndName(workload) + " instance ids of its first " + most + " pods").hasSize(most);
		}
		assertThat(replicated).containsExactlyInAnyOrder("scheduler-service", "notification-service");
		assertThat(map(env(
				list(map(workload(resources, "notification-service"), "spec", "template", "spec"), "containers").get(0),
				"HUB_INSTANCE_ID"), "valueFrom", "fieldRef"))
			.as("a Deployment's pods differ by name only")
			.containsEntry("fieldPath", "metadata.name");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev", "prod" })
	void theSchedulersAreTwoOrMoreStatefulPodsEvictedOneAtATime(String overlay) {
		List<Map<String, Object>> resources = build(overlay);
		Map<String, Object> scheduler = workload(resources, "scheduler-service");
		assertThat(kind(scheduler)).isEqualTo("StatefulSet");
		assertThat((Integer) map(scheduler, "spec").get("replicas")).as("replicas").isGreaterThanOrEqualTo(2);
		assertThat(list(map(scheduler, "spec"), "volumeClaimTemplates")).as("a volume each").hasSize(1);
		assertThat(ofKind(resources, "PodDisruptionBudget"))
			.filteredOn((pdb) -> podLabels(scheduler).entrySet().containsAll(matchLabels(pdb).entrySet()))
			.singleElement()
			.satisfies((pdb) -> assertThat(map(pdb, "spec")).containsEntry("maxUnavailable", 1));
		assertThat(ofKind(resources, "HorizontalPodAutoscaler")).as("no autoscaler: another pod adds no capacity")
			.noneSatisfy(
					(hpa) -> assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("name", "scheduler-service"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev", "prod" })
	void theGatewaysShareTheirBucketsAndReachNotificationsThroughItsService(String overlay) {
		List<Map<String, Object>> resources = build(overlay);
		Map<String, Object> gateway = workload(resources, "gateway");
		Map<String, Object> container = list(map(gateway, "spec", "template", "spec"), "containers").get(0);
		assertThat(env(container, "HUB_GATEWAY_RATE_LIMIT_STORE")).containsEntry("value", "hazelcast");
		Object memberPort = env(container, "HUB_GATEWAY_RATE_LIMIT_PORT").get("value");
		String membersService = (String) env(container, "HUB_GATEWAY_RATE_LIMIT_KUBERNETES_SERVICE").get("value");
		Map<String, Object> members = service(resources, membersService);
		assertThat(map(members, "spec")).as("the members' Service is headless and lists starting pods")
			.containsEntry("clusterIP", "None")
			.containsEntry("publishNotReadyAddresses", true);
		assertThat(podLabels(gateway)).containsAllEntriesOf(map(members, "spec", "selector"));
		assertThat(list(map(members, "spec"), "ports")).singleElement().satisfies((port) -> {
			assertThat(String.valueOf(port.get("port"))).isEqualTo(memberPort);
			assertThat(list(container, "ports")).anySatisfy((containerPort) -> {
				assertThat(containerPort.get("name")).isEqualTo(port.get("targetPort"));
				assertThat(String.valueOf(containerPort.get("containerPort"))).isEqualTo(memberPort);
			});
		});

		// one URL, the Service's: kube-proxy spreads the connections over the ready pods
		Map<String, Object> config = ofKind(resources, "ConfigMap").stream()
			.filter((map) -> name(map).equals("hub-config"))
			.findFirst()
			.orElseThrow();
		String url = (String) map(config, "data").get("HUB_NOTIFICATION_SERVICE_URL");
		Matcher parts = Pattern.compile("http://([a-z0-9-]+):([0-9]+)").matcher(url);
		assertThat(parts.matches()).as("HUB_NOTIFICATION_SERVICE_URL " + url).isTrue();
		Map<String, Object> notifications = service(resources, parts.group(1));
		assertThat(map(notifications, "spec")).as("a balancing Service, not a headless one")
			.doesNotContainKey("clusterIP");
		assertThat(podLabels(workload(resources, "notification-service")))
			.containsAllEntriesOf(map(notifications, "spec", "selector"));
		assertThat(list(map(notifications, "spec"), "ports"))
			.anySatisfy((port) -> assertThat(String.valueOf(port.get("port"))).isEqualTo(parts.group(2)));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "dev", "prod" })
	void onlyTheGatewayReachesNotificationsAndEveryPodReachesKafka(String overlay) {
		List<Map<String, Object>> resources = build(overlay);
		List<Map<String, Object>> policies = ofKind(resources, "NetworkPolicy");
		Map<String, Object> notifications = podLabels(workload(resources, "notification-service"));
		for (Map<String, Object> workload : ofKind(resources, "Deployment", "StatefulSet")) {
			boolean gateway = name(workload).equals("gateway");
			assertThat(admits(policies, notifications, podLabels(workload), 8080))
				.as("notification-service reachable from " + name(workload))
				.isEqualTo(gateway);
			assertThat(admits(policies, KAFKA_POD, podLabels(workload), 9092)).as(name(workload) + " reaches Kafka")
				.isTrue();
		}
		Map<String, Object> gateway = podLabels(workload(resources, "gateway"));
		assertThat(admits(policies, gateway, gateway, 5701)).as("the gateways' Hazelcast members reach each other")
			.isTrue();
		assertThat(admits(policies, gateway, podLabels(workload(resources, "tasks-service")), 5701))
			.as("a service reaches the gateways' members")
			.isFalse();
	}

	/** The labels Strimzi gives the broker pods of the cluster hub. */
	private static final Map<String, Object> KAFKA_POD = Map.of("strimzi.io/cluster", "hub", "strimzi.io/kind", "Kafka",
			"strimzi.io/name", "hub-kafka", "strimzi.io/pool-name", "dual-role");

	/**
	 * Whether the policies let a pod labelled {@code source}, in the same namespace, open
	 * a TCP connection to {@code port} of a pod labelled {@code target}. A pod no policy
	 * selects takes anything; one that some policy selects takes what one of them allows.
	 */
	private static boolean admits(List<Map<String, Object>> policies, Map<String, Object> target,
			Map<String, Object> source, int port) {
		List<Map<String, Object>> selecting = policies.stream()
			.filter((policy) -> selects(map(policy, "spec", "podSelector"), target))
			.filter((policy) -> {
				Object types = map(policy, "spec").get("policyTypes");
				return types == null || ((List<?>) types).contains("Ingress");
			})
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		for (Map<String, Object> policy : selecting) {
			List<Map<String, Object>> rules = list(map(policy, "spec"), "ingress");
			for (Map<String, Object> rule : (rules != null) ? rules : List.<Map<String, Object>>of()) {
				List<Map<String, Object>> ports = list(rule, "ports");
				boolean portAllowed = ports == null || ports.isEmpty() || ports.stream().anyMatch((allowed) -> {
					Object number = allowed.get("port");
					Object end = allowed.get("endPort");
					return number == null || number.equals(port) || (end instanceof Integer last
							&& number instanceof Integer first && first <= port && port <= last);
				});
				List<Map<String, Object>> peers = list(rule, "from");
				boolean sourceAllowed = peers == null || peers.isEmpty() || peers.stream().anyMatch((peer) -> {
					if (peer.containsKey("ipBlock")) {
						return false;
					}
					@SuppressWarnings("unchecked")
					Map<String, Object> namespaces = (Map<String, Object>) peer.get("namespaceSelector");
					@SuppressWarnings("unchecked")
					Map<String, Object> pods = (Map<String, Object>) peer.get("podSelector");
					// a namespace selector naming other namespaces does not take the
					// hub's own
					boolean ownNamespace = namespaces == null || namespaces.isEmpty();
					return ownNamespace && (pods == null || selects(pods, source));
				});
				if (portAllowed && sourceAllowed) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a label selector (matchLabels and matchExpressions) selects these labels.
	 */
	@SuppressWarnings("unchecked")
	private static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		Map<String, Object> matchLabels = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
		if (!labels.entrySet().containsAll(matchLabels.entrySet())) {
			return false;
		}
		for (Map<String, Object> expression : (List<Map<String, Object>>) selector.getOrDefault("matchExpressions",
				List.of())) {
			Object value = labels.get(expression.get("key"));
			List<Object> values = (List<Object>) expression.getOrDefault("values", List.of());
			boolean matches = switch ((String) expression.get("operator")) {
				case "In" -> value != null && values.contains(value);
				case "NotIn" -> value == null || !values.contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new AssertionError("operator " + expression.get("operator"));
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The {@code HUB_INSTANCE_ID} of the workload's pod {@code index}, as the kubelet
	 * resolves it: straight from the downward API, or a value naming variables ({@code
	 * $(NAME)}) that come from it. A Deployment's pod names are random: the index stands
	 * for one.
	 */
	private static String instanceId(Map<String, Object> workload, Map<String, Object> container, int index) {
		Map<String, String> resolved = new LinkedHashMap<>();
		boolean fromThePod = false;
		for (Map<String, Object> variable : list(container, "env")) {
			String value;
			if (variable.containsKey("valueFrom")) {
				@SuppressWarnings("unchecked")
				Map<String, Object> field = (Map<String, Object>) map(variable, "valueFrom").get("fieldRef");
				if (field == null) {
					continue;
				}
				String path = (String) field.get("fieldPath");
				if (path.equals("metadata.name")) {
					value = name(workload) + (kind(workload).equals("StatefulSet") ? "-" : "-random-") + index;
				}
				else if (path.equals("metadata.labels['apps.kubernetes.io/pod-index']")
						&& kind(workload).equals("StatefulSet")) {
					value = String.valueOf(index);
				}
				else {
					continue;
				}
				if (variable.get("name").equals("HUB_INSTANCE_ID")) {
					fromThePod = true;
				}
			}
			else {
				value = String.valueOf(variable.get("value"));
				if (variable.get("name").equals("HUB_INSTANCE_ID")) {
					Matcher reference = Pattern.compile("\\$\\(([A-Za-z0-9_]+)\\)").matcher(value);
					StringBuilder substituted = new StringBuilder();
					while (reference.find()) {
						String named = resolved.get(reference.group(1));
						fromThePod |= named != null;
						reference.appendReplacement(substituted,
								Matcher.quoteReplacement((named != null) ? named : reference.group()));
					}
					reference.appendTail(substituted);
					value = substituted.toString();
				}
			}
			resolved.put((String) variable.get("name"), value);
		}
		assertThat(fromThePod)
			.as(kindAndName(workload) + " HUB_INSTANCE_ID comes from the downward API (pod name or index) in "
					+ list(container, "env"))
			.isTrue();
		return resolved.get("HUB_INSTANCE_ID");
	}

	private static Map<String, Object> workload(List<Map<String, Object>> resources, String name) {
		return ofKind(resources, "Deployment", "StatefulSet").stream()
			.filter((workload) -> name(workload).equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no workload " + name));
	}

	private static Map<String, Object> service(List<Map<String, Object>> resources, String name) {
		return ofKind(resources, "Service").stream()
			.filter((service) -> name(service).equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Service " + name));
	}

	private static Map<String, Object> autoscalerOf(List<Map<String, Object>> resources, Map<String, Object> workload) {
		return ofKind(resources, "HorizontalPodAutoscaler").stream()
			.filter((hpa) -> kind(workload).equals(map(hpa, "spec", "scaleTargetRef").get("kind"))
					&& name(workload).equals(map(hpa, "spec", "scaleTargetRef").get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no autoscaler for " + kindAndName(workload)));
	}

	private static Map<String, Object> volumeMountedAt(Map<String, Object> pod, String path) {
		for (Map<String, Object> container : list(pod, "containers")) {
			for (Map<String, Object> mount : list(container, "volumeMounts")) {
				if (path.equals(mount.get("mountPath"))) {
					return list(pod, "volumes").stream()
						.filter((volume) -> volume.get("name").equals(mount.get("name")))
						.findFirst()
						.orElseThrow(() -> new AssertionError("no volume " + mount.get("name")));
				}
			}
		}
		throw new AssertionError("nothing mounted at " + path);
	}

	private static Map<String, Object> env(Map<String, Object> container, String name) {
		return list(container, "env").stream()
			.filter((variable) -> name.equals(variable.get("name")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in " + list(container, "env")));
	}

	/**
	 * How long the preStop hook waits: {@code exec: [sleep, N]} or {@code sleep:
	 * {seconds: N}}.
	 */
	@SuppressWarnings("unchecked")
	private static int preStopSeconds(Map<String, Object> container) {
		Map<String, Object> preStop = map(container, "lifecycle", "preStop");
		if (preStop.get("sleep") instanceof Map<?, ?> sleep) {
			return (Integer) sleep.get("seconds");
		}
		List<Object> command = (List<Object>) map(preStop, "exec").get("command");
		assertThat(command).as("preStop command").hasSize(2).first().isEqualTo("sleep");
		return Integer.parseInt(String.valueOf(command.get(1)));
	}

	private static final Map<String, List<Map<String, Object>>> builds = new ConcurrentHashMap<>();

	private static List<Map<String, Object>> build(String overlay) {
		return builds.computeIfAbsent(overlay, KubernetesManifestsTests::kustomize);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> kustomize(String overlay) {
		Tools.require("kubectl");
		Tools.Run build = Tools.run(Tools.root, List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay));
		assertThat(build.exitCode()).as(build.output()).isZero();
		return Tools.yamlDocuments(build.output())
			.stream()
			.filter(Objects::nonNull)
			.map((document) -> (Map<String, Object>) document)
			.toList();
	}

	private static List<Map<String, Object>> ofKind(List<Map<String, Object>> resources, String... kinds) {
		return resources.stream().filter((resource) -> List.of(kinds).contains(kind(resource))).toList();
	}

	private static Map<String, Object> podLabels(Map<String, Object> workload) {
		return map(workload, "spec", "template", "metadata", "labels");
	}

	private static Map<String, Object> matchLabels(Map<String, Object> pdb) {
		return map(pdb, "spec", "selector", "matchLabels");
	}

	private static String kind(Map<String, Object> resource) {
		return (String) resource.get("kind");
	}

	private static String name(Map<String, Object> resource) {
		return (String) map(resource, "metadata").get("name");
	}

	private static String kindAndName(Map<String, Object> resource) {
		return kind(resource) + " " + name(resource);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> from, String... path) {
		Map<String, Object> current = from;
		for (String key : path) {
			Object next = current.get(key);
			assertThat(next).as(key + " in " + current.keySet()).isInstanceOf(Map.class);
			current = (Map<String, Object>) next;
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> from, String key) {
		return (List<Map<String, Object>>) from.get(key);
	}

}
