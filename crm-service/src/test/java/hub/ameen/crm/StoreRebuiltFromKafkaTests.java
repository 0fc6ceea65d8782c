package hub.ameen.crm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.service.ServiceOnAStore;
import hub.ameen.platform.test.web.JsonCalls;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the broker, started twice on the same store directory: the second
 * time the directory has been wiped, and the service restores contacts, companies, deals,
 * pipelines and activities from their changelog topics before it serves, indexes
 * included. (Other test classes on the shared broker may have left records on the same
 * changelogs; they are restored too, and this test looks only at its own.)
 */
class StoreRebuiltFromKafkaTests {

	static final String WRITER = TestTokens.shared().bearer("sales-1", "crm:read", "crm:write");

	@TempDir
	Path dir;

	ServiceOnAStore service;

	@AfterEach
	void stop() {
		if (this.service != null) {
			this.service.close();
		}
	}

	@Test
	void aWipedStoreIsRestoredFromTheChangelogsBeforeTheServiceServes() throws Exception {
		Path store = this.dir.resolve("crm-service");
		this.service = ServiceOnAStore.start(CrmServiceApplication.class, store);
		WebTestClient client = this.service.client();
		String run = Long.toString(System.nanoTime(), 36);
		String lastName = "Rebuilt" + run;
		String company = JsonCalls
			.create(client, "/api/crm/companies", WRITER,
					Map.of("name", "Rebuild " + run, "domain", "rebuild-" + run + ".example"))
			.get("id")
			.asString();
		List<String> contacts = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			contacts.add(
					JsonCalls
						.create(client, "/api/crm/contacts", WRITER,
								Map.of("firstName", "Contact" + i, "lastName", lastName, "email",
										"c" + i + "-" + run + "@example.com", "companyId", company))
						.get("id")
						.asString());
		}
		String deal = JsonCalls.create(client, "/api/crm/deals", WRITER, Map.of("title", "Rebuild " + run, "amount",
				Map.of("value", "1000", "currency", "SAR"), "companyId", company, "contactIds", contacts.subList(0, 2)))
			.get("id")
			.asString();
		JsonCalls.change(client, "/api/crm/contacts/" + contacts.get(1), WRITER, Map.of("phone", "+966 11 000 0001"));
		String deleted = contacts.remove(4);
		JsonCalls.remove(client, "/api/crm/contacts/" + deleted, Callers.MANAGER);
		Outbox outbox = this.service.bean(Outbox.class);
		await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
		Duration restart = this.service.wipeAndRestart();
		client = this.service.client();
		System.out.printf("crm-service started on a wiped store, restored from Kafka, in %d ms%n", restart.toMillis());

		for (String id : contacts) {
			JsonNode contact = get(client, "/api/crm/contacts/" + id);
			assertThat(contact.get("lastName").asString()).isEqualTo(lastName);
			assertThat(contact.get("companyId").asString()).isEqualTo(company);
		}
		assertThat(get(client, "/api/crm/contacts/" + contacts.get(1)).get("phone").asString())
			.isEqualTo("+966 11 000 0001");
		client.get()
			.uri("/api/crm/contacts/" + deleted)
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.exchange()
			.expectStatus()
			.isNotFound();
		// the indexes: search by name, a company's contacts, the unique email
		assertThat(JsonCalls.ids(get(client, "/api/crm/contacts?q=" + lastName.toLowerCase() + "&limit=50")))
			.containsExactlyInAnyOrderElementsOf(contacts);
		assertThat(JsonCalls.ids(get(client, "/api/crm/contacts?companyId=" + company + "&limit=50")))
			.containsExactlyInAnyOrderElementsOf(contacts);
		client.post()
			.uri("/api/crm/contacts")
			.header(HttpHeaders.AUTHORIZATION, WRITER)
			.bodyValue(Map.of("firstName", "Twin", "email", "C0-" + run + "@example.com"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
		assertThat(get(client, "/api/crm/companies/" + company).get("domain").asString())
			.isEqualTo("rebuild-" + run + ".example");
		assertThat(get(client, "/api/crm/deals/" + deal).get("contactIds").size()).isEqualTo(2);
		// the timeline: each contact's "created" entry, filed under the contact
		assertThat(JsonCalls.count(client, "/api/crm/activities?contactId=" + contacts.get(0), WRITER)).isOne();
		assertThat(this.service.bean(Outbox.class).backlog()).as("a restore announces nothing").isZero();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CONTACT_CHANGELOG);
			assertThat(
					admin.describeConfigs(List.of(changelog)).all().get().get(changelog).get("cleanup.policy").value())
				.isEqualTo("compact");
		}
	}

	private static JsonNode get(WebTestClient client, String path) {
		return JsonCalls.read(client, path, WRITER);
	}

}
