package hub.ameen.notification.stream;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;

/**
 * Writes one Server-Sent Event into one buffer, byte for byte as Spring's
 * {@code ServerSentEventHttpMessageWriter} does, without its per-event operators.
 */
final class EventEncoder {

	private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

	private final JsonMapper json;

	EventEncoder(JsonMapper json) {
		this.json = json;
	}

	/** One event as {@link #encode(DataBufferFactory, ServerSentEvent)} writes it. */
	byte[] encode(ServerSentEvent<Object> event) {
		DataBuffer buffer = encode(DefaultDataBufferFactory.sharedInstance, event);
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		return bytes;
	}

	/**
	 * One event as Spring's {@code ServerSentEventHttpMessageWriter} writes it: its
	 * fields, comment and JSON data, then an empty line.
	 */
	DataBuffer encode(DataBufferFactory buffers, ServerSentEvent<Object> event) {
		StringBuilder fields = new StringBuilder(64);
		if (event.id() != null) {
			fields.append("id:").append(event.id()).append('\n');
		}
		if (event.event() != null) {
			fields.append("event:").append(event.event()).append('\n');
		}
		if (event.retry() != null) {
			fields.append("retry:").append(event.retry().toMillis()).append('\n');
		}
		if (event.comment() != null) {
			fields.append(':').append(event.comment().replace("\n", "\n:")).append('\n');
		}
		byte[] head;
		byte[] data = null;
		if (event.data() != null) {
			head = fields.append("data:").toString().getBytes(StandardCharsets.UTF_8);
			data = this.json.writeValueAsBytes(event.data());
		}
		else {
			head = fields.toString().getBytes(StandardCharsets.UTF_8);
		}
		int size = head.length + ((data != null) ? data.length + EVENT_END.length : 1);
		DataBuffer buffer = buffers.allocateBuffer(size);
		buffer.write(head);
		if (data != null) {
			buffer.write(data);
			buffer.write(EVENT_END);
		}
		else {
			buffer.write((byte) '\n');
		}
		return buffer;
	}

}
