package hub.ameen.e2e;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/k8s/}: each overlay builds with {@code kubectl kustomize}; every workload
 * has probes, resource limits and a non-root security context and is covered by a
 * disruption budget; the stores are StatefulSets with volumes; every Service selects some
 * workload's pods; Kafka is a Strimzi KRaft cluster of the overlay's size.
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
			.as("only the gateway is stateless")
			.containsExactly("gateway");
		for (Map<String, Object> service : ofKind(resources, "Service")) {
			@SuppressWarnings("unchecked")
			Map<String, Object> selector = (Map<String, Object>) map(service, "spec").get("selector");
			assertThat(selector).as(kindAndName(service) + " selector").isNotEmpty();
			assertThat(workloads).as(kindAndName(service) + " selects some workload's pods")
				.anySatisfy((workload) -> assertThat(podLabels(workload)).containsAllEntriesOf(selector));
		}
		assertThat(ofKind(resources, "HorizontalPodAutoscaler")).singleElement()
			.satisfies((hpa) -> assertThat(map(hpa, "spec", "scaleTargetRef")).containsEntry("kind", "Deployment")
				.containsEntry("name", "gateway"));
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

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> build(String overlay) {
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
