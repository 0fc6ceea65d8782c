package hub.ameen.platform.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Web settings shared by every service.
 *
 * @param maxBodySize the largest request body accepted; larger ones get 413 (also the
 * in-memory limit of the codecs, so JSON bodies up to this size decode)
 * @param maxRequestTarget the longest path and query accepted; longer ones get a 414
 * problem (the server's own request-line limit,
 * {@code server.netty.max-initial-line-length}, is set well above it, so that the client
 * gets a problem detail rather than an empty 414)
 */
@Validated
@ConfigurationProperties("hub.web")
public record HubWebProperties(@NotNull @DefaultValue("20MB") DataSize maxBodySize,
		@NotNull @DefaultValue("8KB") DataSize maxRequestTarget) {
}
