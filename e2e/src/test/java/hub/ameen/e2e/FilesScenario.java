package hub.ameen.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import hub.ameen.e2e.Cast.Actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Files on a deal through the gateway: a PNG and a PDF list and download byte for byte
 * with the safe headers; an executable named {@code .png}, a file over 20 MB (announced
 * or streamed without a length) and an upload whose client drops the connection leave the
 * list and the service's uploads directory as they were; deleting the deal removes its
 * files.
 */
final class FilesScenario {

	private static final int MAX_FILE = 20 * 1024 * 1024;

	private static final String ARABIC_NAME = "\u062e\u0631\u064a\u0637\u0629-1.png";

	private final Cast cast;

	private final Api gateway;

	private final Path uploads;

	private final String owner;

	FilesScenario(Cast cast, Path crmUploads) {
		this.cast = cast;
		this.gateway = cast.gateway();
		this.uploads = crmUploads;
		this.owner = cast.token(Actor.OWNER);
	}

	void filesOnADealAreCheckedServedSafelyAndGoWithTheDeal() {
		String deal = this.gateway
			.post("/api/crm/deals", this.owner,
					Map.of("title", "Files deal", "amount", Map.of("value", "10", "currency", "SAR")))
			.json()
			.path("id")
			.asString();
		String attachments = "/api/crm/deals/" + deal + "/attachments";
		byte[] png = Samples.png(9);
		byte[] pdf = Samples.pdf(300_000, 9);
		JsonNode image = attach(attachments, new Api.Multipart().file("file", ARABIC_NAME, "image/png", png));
		JsonNode document = attach(attachments,
				new Api.Multipart().file("file", "proposal.pdf", "application/pdf", pdf));
		List<String> listed = list(attachments);
		assertThat(listed).as("the deal's files, oldest first")
			.containsExactly(
					image.path("id").asString() + " " + ARABIC_NAME + " image/png " + png.length + " "
							+ Samples.sha256(png),
					document.path("id").asString() + " proposal.pdf application/pdf " + pdf.length + " "
							+ Samples.sha256(pdf));
		downloadsAsSent(attachments + "/" + image.path("id").asString(), png, "image/png",
				"inline; filename=\"_____-1.png\"; filename*=UTF-8''"
						+ URLEncoder.encode(ARABIC_NAME, StandardCharsets.UTF_8));
		downloadsAsSent(attachments + "/" + document.path("id").asString(), pdf, "application/pdf",
				"attachment; filename=\"proposal.pdf\"; filename*=UTF-8''proposal.pdf");
		Set<Path> kept = filesOnDisk();

		Api.Response executable = this.gateway.upload("POST", attachments, this.owner,
				new Api.Multipart().file("file", "photo.png", "image/png", Samples.executable()));
		refused("an executable named .png", executable, 415);
		Api.Response over = this.gateway.upload("POST", attachments, this.owner,
				new Api.Multipart().file("file", "big.pdf", "application/pdf", Samples.pdf(MAX_FILE + 1, 1)));
		refused("20 MB and a byte, announced", over, 413);
		Api.Response streamed = this.gateway.uploadChunked(attachments, this.owner, new Api.Multipart().file("file",
				"bigger.pdf", "application/pdf", Samples.pdf(MAX_FILE + 1024 * 1024, 2)));
		refused("21 MB streamed without a length", streamed, 413);
		dropMidUpload(attachments, kept);
		assertThat(list(attachments)).as("the deal's files after the refused and dropped uploads").isEqualTo(listed);
		await().atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(
					() -> assertThat(filesOnDisk()).as("crm-service's uploads directory, temporary files included")
						.isEqualTo(kept));

		Api.Response deleted = this.gateway.delete("/api/crm/deals/" + deal, this.cast.token(Actor.MANAGER));
		assertThat(deleted.status()).as("delete the deal: " + deleted).isEqualTo(204);
		for (JsonNode file : List.of(image, document)) {
			String id = file.path("id").asString();
			assertThat(this.gateway.download("/api/crm/attachments/" + id, this.owner).status())
				.as("download of a deleted deal's file")
				.isEqualTo(404);
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(filesOnDisk()).as("the deleted deal's file on disk")
					.noneMatch((path) -> path.getFileName().toString().equals(id)));
		}
		assertThat(this.gateway.get(attachments, this.owner).status()).as("the deleted deal's list").isEqualTo(404);
	}

	private JsonNode attach(String path, Api.Multipart form) {
		Api.Response attached = this.gateway.upload("POST", path, this.owner, form);
		assertThat(attached.status()).as("attach to " + path + ": " + attached).isEqualTo(201);
		return attached.json();
	}

	private List<String> list(String path) {
		Api.Response list = this.gateway.get(path, this.cast.token(Actor.OTHER));
		assertThat(list.status()).as("list " + path + ": " + list).isEqualTo(200);
		return list.json()
			.path("items")
			.valueStream()
			.map((file) -> file.path("id").asString() + " " + file.path("name").asString() + " "
					+ file.path("contentType").asString() + " " + file.path("size").asLong() + " "
					+ file.path("sha256").asString())
			.toList();
	}

	/**
	 * Another member downloads the bytes as sent, with the detected type, nosniff, the
	 * disposition and the SHA-256 as a strong ETag, which answers 304 when sent back.
	 */
	private void downloadsAsSent(String path, byte[] sent, String type, String disposition) {
		String other = this.cast.token(Actor.OTHER);
		Api.Download download = this.gateway.download(path, other);
		assertThat(download.status()).as("download " + path).isEqualTo(200);
		assertThat(Samples.sha256(download.body())).as("the downloaded bytes' SHA-256").isEqualTo(Samples.sha256(sent));
		assertThat(download.body()).as("the downloaded bytes").isEqualTo(sent);
		assertThat(download.header("Content-Type")).as("Content-Type").isEqualTo(type);
		assertThat(download.header("X-Content-Type-Options")).as("X-Content-Type-Options").isEqualTo("nosniff");
		assertThat(download.header("Content-Disposition")).as("Content-Disposition").isEqualTo(disposition);
		assertThat(download.header("ETag")).as("ETag").isEqualTo("\"" + Samples.sha256(sent) + "\"");
		assertThat(this.gateway.download(path, other, "If-None-Match", download.header("ETag")).status())
			.as("a download with the ETag it has")
			.isEqualTo(304);
	}

	private static void refused(String what, Api.Response response, int status) {
		assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
		assertThat(response.contentType()).as(what + " answers a problem detail")
			.startsWith("application/problem+json");
	}

	/**
	 * Announces a 5 MB upload, sends the form's start and 1 MB of a PDF, and drops the
	 * connection once the service holds the start in a temporary file, as a browser tab
	 * closed mid-upload.
	 */
	private void dropMidUpload(String path, Set<Path> kept) {
		Api.Multipart form = new Api.Multipart().file("file", "dropped.pdf", "application/pdf",
				Samples.pdf(5 * 1024 * 1024, 3));
		byte[] body = form.bytes();
		try (Socket socket = new Socket("localhost", this.gateway.port())) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + this.owner
					+ "\r\nContent-Type: " + form.contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(body, 0, 1024 * 1024);
			out.flush();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.alias("the upload's temporary file, while the client still holds the rest back")
				.until(() -> !kept.containsAll(filesOnDisk()));
			// as a closed tab: a reset, not a polite end of the body
			socket.setSoLinger(true, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every file under crm-service's uploads directory, temporary ones included. */
	private Set<Path> filesOnDisk() {
		try (Stream<Path> files = Files.walk(this.uploads)) {
			return files.filter(Files::isRegularFile).collect(Collectors.toSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
