package hub.ameen.notification.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each instance of the service its own consumer group and store: instance
 * {@code hub.instance-id} 1 (the default) keeps the names a single instance always had
 * ({@code notification-service} and {@code <data>/notification-service}); instance
 * {@code k} (a number from {@code ./hub scale}, or a pod's name in Kubernetes) appends
 * {@code -k} to both, so that it reads every event itself and keeps its own copy
 * (docs/decisions/0008-notification-service-instances.md).
 */
class InstanceEnvironment implements EnvironmentPostProcessor {

	static final String INSTANCE_ID = "hub.instance-id";

	/** A number, or a DNS label such as a Kubernetes pod's name. */
	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String id = environment.getProperty(INSTANCE_ID, "1").trim();
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException(
					INSTANCE_ID + " must be a number or a DNS label (letters, digits, '-'), not '" + id + "'");
		}
		if ("1".equals(id)) {
			return;
		}
		Map<String, Object> own = new HashMap<>();
		String group = environment.getProperty("spring.kafka.consumer.group-id",
				environment.getProperty("spring.application.name", "notification-service"));
		own.put("spring.kafka.consumer.group-id", group + "-" + id);
		String store = environment.getProperty("hub.store.path");
		if (store != null) {
			own.put("hub.store.path", store + "-" + id);
		}
		environment.getPropertySources().addFirst(new MapPropertySource("hub-instance-" + id, own));
	}

}
