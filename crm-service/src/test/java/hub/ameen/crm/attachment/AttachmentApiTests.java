package hub.ameen.crm.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import hub.ameen.crm.Callers;
import hub.ameen.crm.CrmWebSlice;
import hub.ameen.platform.test.web.JsonCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attachments on deals, contacts and companies over a real store and real files: a PNG
 * comes back byte for byte with safe headers, disguised or oversized files are refused
 * and leave nothing, permissions follow the record, and deleting it deletes its files.
 */
@CrmWebSlice
class AttachmentApiTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("crm-service").toString());
		registry.add("hub.files.max-size", () -> "256KB");
	}

	@Autowired
	WebTestClient client;

	@BeforeEach
	void allowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void aPngAttachedToADealListsAndDownloadsByteForByteWithSafeHeaders() throws Exception {
		String deal = deal();
		byte[] png = png(120);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
		JsonNode file = upload("/api/crm/deals/" + deal, Callers.OWNER, "shot.png", MediaType.IMAGE_PNG, png)
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches(HttpHeaders.LOCATION, "/api/crm/deals/" + deal + "/attachments/[0-9A-Z]{26}")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(file.get("contentType").asString()).isEqualTo("image/png");
		assertThat(file.get("sha256").asString()).isEqualTo(sha256);
		assertThat(file.get("size").asLong()).isEqualTo(png.length);
		String path = "/api/crm/deals/" + deal + "/attachments/" + file.get("id").asString();
		this.client.get()
			.uri("/api/crm/deals/" + deal + "/attachments")
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].name")
			.isEqualTo(List.of("shot.png"));
		byte[] downloaded = this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"shot.png\"; filename*=UTF-8''shot.png")
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, "\"" + sha256 + "\"")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(png);
		this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.header(HttpHeaders.IF_NONE_MATCH, "\"" + sha256 + "\"")
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void anArabicNamedDocumentDownloadsAsAnAttachmentNamedPerRfc6266() {
		String company = JsonCalls.create(this.client, "/api/crm/companies", Callers.OWNER, Map.of("name", "Acme"))
			.get("id")
			.asString();
		String id = upload("/api/crm/companies/" + company, Callers.OWNER, "عقد.pdf", MediaType.APPLICATION_PDF, pdf())
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		this.client.get()
			.uri("/api/crm/companies/" + company + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"___.pdf\"; filename*=UTF-8''%D8%B9%D9%82%D8%AF.pdf");
	}

	@Test
	void anExecutableOrHtmlNamedPngIsRefusedWith415AndLeavesNothing() throws IOException {
		String deal = deal();
		List<Path> before = kept();
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		problem(upload("/api/crm/deals/" + deal, Callers.OWNER, "cat.png", MediaType.IMAGE_PNG, exe), 415);
		byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
		problem(upload("/api/crm/deals/" + deal, Callers.OWNER, "cat.png", MediaType.IMAGE_PNG, html), 415);
		assertThat(kept()).isEqualTo(before);
	}

	@Test
	void aFileOverTheLimitIs413AndLeavesNothing() throws IOException {
		List<Path> before = kept();
		byte[] big = new byte[300 * 1024];
		System.arraycopy(pdf(), 0, big, 0, pdf().length);
		problem(upload("/api/crm/deals/" + deal(), Callers.OWNER, "big.pdf", MediaType.APPLICATION_PDF, big), 413);
		assertThat(kept()).isEqualTo(before);
	}

	@Test
	void aPathInTheNameIsDroppedAndTheFileStaysUnderUploads() throws IOException {
		String deal = deal();
		List<Path> before = kept();
		upload("/api/crm/deals/" + deal, Callers.OWNER, "../../etc/passwd.txt", MediaType.TEXT_PLAIN,
				"root:x:0:0\n".getBytes(StandardCharsets.UTF_8))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("passwd.txt");
		assertThat(kept()).hasSize(before.size() + 1)
			.filteredOn((file) -> !before.contains(file))
			.singleElement()
			.satisfies((file) -> assertThat(file.getFileName().toString()).matches("[0-9A-Z]{26}"));
		assertThat(Files.exists(dir.resolve("etc"))).isFalse();
	}

	@Test
	void aNameWithAnRtlOverrideOrANulIsABadRequest() {
		String deal = deal();
		problem(upload("/api/crm/deals/" + deal, Callers.OWNER, "invoice\u202Egnp.exe", MediaType.IMAGE_PNG, png(8)),
				400);
	}

	@Test
	void aVideoAnswersASingleRangeWith206AndAnImpossibleOneWith416() {
		String deal = deal();
		byte[] mp4 = mp4();
		String id = upload("/api/crm/deals/" + deal, Callers.OWNER, "clip.mp4", MediaType.parseMediaType("video/mp4"),
				mp4)
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		String path = "/api/crm/deals/" + deal + "/attachments/" + id;
		byte[] part = this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.header(HttpHeaders.RANGE, "bytes=4-11")
			.exchange()
			.expectStatus()
			.isEqualTo(206)
			.expectHeader()
			.valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 4-11/" + mp4.length)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(part, StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
		this.client.get()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.header(HttpHeaders.RANGE, "bytes=999999-")
			.exchange()
			.expectStatus()
			.isEqualTo(416);
	}

	@Test
	void whoCanChangeTheRecordAttachesAndDeletesAndWhoCanReadItOnlyReads() {
		String contact = JsonCalls.create(this.client, "/api/crm/contacts", Callers.OWNER, Map.of("firstName", "Omar"))
			.get("id")
			.asString();
		String base = "/api/crm/contacts/" + contact;
		problem(upload(base, Callers.OTHER, "a.png", MediaType.IMAGE_PNG, png(8)), 403);
		problem(upload(base, Callers.READER, "a.png", MediaType.IMAGE_PNG, png(8)), 403);
		problem(upload("/api/crm/contacts/nope", Callers.OWNER, "a.png", MediaType.IMAGE_PNG, png(8)), 404);
		String id = upload(base, Callers.MANAGER, "a.png", MediaType.IMAGE_PNG, png(8)).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		this.client.get().uri(base + "/attachments").exchange().expectStatus().isUnauthorized();
		this.client.delete()
			.uri(base + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri(base + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri(base + "/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void deletingTheDealDeletesItsFiles() throws IOException {
		String deal = deal();
		List<Path> before = kept();
		upload("/api/crm/deals/" + deal, Callers.OWNER, "a.png", MediaType.IMAGE_PNG, png(8)).expectStatus()
			.isCreated();
		upload("/api/crm/deals/" + deal, Callers.OWNER, "b.pdf", MediaType.APPLICATION_PDF, pdf()).expectStatus()
			.isCreated();
		assertThat(kept()).hasSize(before.size() + 2);
		this.client.delete()
			.uri("/api/crm/deals/" + deal)
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(kept()).isEqualTo(before);
		this.client.get()
			.uri("/api/crm/deals/" + deal + "/attachments")
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void aFileIsAlsoReachedByItsIdAloneWithItsRecordsPermissions() {
		String deal = deal();
		byte[] png = png(30);
		String id = upload("/api/crm/deals/" + deal, Callers.OWNER, "a.png", MediaType.IMAGE_PNG, png).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
		byte[] downloaded = this.client.get()
			.uri("/api/crm/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(downloaded).isEqualTo(png);
		this.client.delete()
			.uri("/api/crm/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.OTHER)
			.exchange()
			.expectStatus()
			.isForbidden();
		this.client.delete()
			.uri("/api/crm/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.OWNER)
			.exchange()
			.expectStatus()
			.isNoContent();
		this.client.get()
			.uri("/api/crm/attachments/" + id)
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void mergingAContactMovesItsFilesToTheContactKept() {
		String kept = JsonCalls.create(this.client, "/api/crm/contacts", Callers.OWNER, Map.of("firstName", "Kept"))
			.get("id")
			.asString();
		String duplicate = JsonCalls
			.create(this.client, "/api/crm/contacts", Callers.OWNER, Map.of("firstName", "Duplicate"))
			.get("id")
			.asString();
		upload("/api/crm/contacts/" + duplicate, Callers.OWNER, "card.png", MediaType.IMAGE_PNG, png(8)).expectStatus()
			.isCreated();
		this.client.post()
			.uri("/api/crm/contacts/" + kept + "/merge")
			.header(HttpHeaders.AUTHORIZATION, Callers.MANAGER)
			.bodyValue(Map.of("duplicateId", duplicate))
			.exchange()
			.expectStatus()
			.isOk();
		this.client.get()
			.uri("/api/crm/contacts/" + kept + "/attachments")
			.header(HttpHeaders.AUTHORIZATION, Callers.READER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].name")
			.isEqualTo(List.of("card.png"));
	}

	@Test
	void twoFilesNoFileOrAnEmptyFileAreBadRequests() {
		String path = "/api/crm/deals/" + deal() + "/attachments";
		MultipartBodyBuilder two = new MultipartBodyBuilder();
		two.part("file", png(8)).filename("a.png").contentType(MediaType.IMAGE_PNG);
		two.part("file", png(9)).filename("b.png").contentType(MediaType.IMAGE_PNG);
		problem(post(path, Callers.OWNER, two), 400);
		MultipartBodyBuilder none = new MultipartBodyBuilder();
		none.part("note", "hello");
		problem(post(path, Callers.OWNER, none), 400);
		problem(upload("/api/crm/deals/" + deal(), Callers.OWNER, "e.png", MediaType.IMAGE_PNG, new byte[0]), 400);
	}

	private WebTestClient.ResponseSpec upload(String record, String caller, String name, MediaType type, byte[] bytes) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", bytes).filename(name).contentType(type);
		return post(record + "/attachments", caller, body);
	}

	private WebTestClient.ResponseSpec post(String path, String caller, MultipartBodyBuilder body) {
		return this.client.post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, caller)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private static void problem(WebTestClient.ResponseSpec response, int status) {
		response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private String deal() {
		return JsonCalls
			.create(this.client, "/api/crm/deals", Callers.OWNER,
					Map.of("title", "Fit-out", "amount", Map.of("value", "10", "currency", "SAR")))
			.get("id")
			.asString();
	}

	/**
	 * Every kept file, in every folder, sorted; none in the temporary folder. The tests
	 * share one store, so each compares with what was kept before it.
	 */
	private static List<Path> kept() throws IOException {
		Path uploads = dir.resolve("crm-service/uploads");
		try (Stream<Path> tmp = Files.list(uploads.resolve("tmp"))) {
			assertThat(tmp).isEmpty();
		}
		try (Stream<Path> files = Files.walk(uploads)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
	}

	private static byte[] png(int width) {
		BufferedImage image = new BufferedImage(width, 8, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xC0FFEE);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] pdf() {
		return "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
	}

	/** The start of an MP4: an {@code ftyp} box of brand {@code isom}, then padding. */
	private static byte[] mp4() {
		byte[] bytes = new byte[4096];
		byte[] box = { 0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
				'4', '1' };
		System.arraycopy(box, 0, bytes, 0, box.length);
		return bytes;
	}

}
