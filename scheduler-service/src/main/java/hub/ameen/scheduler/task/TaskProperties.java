package hub.ameen.scheduler.task;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of task deadlines, under {@code hub.scheduler.tasks}.
 *
 * @param dueSoon how long before a task's due time {@code scheduler.task.due-soon} fires
 */
@Validated
@ConfigurationProperties("hub.scheduler.tasks")
record TaskProperties(@DefaultValue("1h") @NotNull Duration dueSoon) {
}
