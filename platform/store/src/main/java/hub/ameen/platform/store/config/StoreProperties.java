package hub.ameen.platform.store.config;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the service's LMDB environment lives and how it is sized.
 *
 * @param path the environment's directory, e.g. {@code ./data/crm-service}
 * @param initialMapSize the map size to start with; it doubles whenever it is full
 * @param maxBatch the most concurrent writes committed together
 */
@Validated
@ConfigurationProperties("hub.store")
public record StoreProperties(@NotNull Path path, @DefaultValue("64MB") DataSize initialMapSize,
		@DefaultValue("512") @Min(1) int maxBatch) {
}
