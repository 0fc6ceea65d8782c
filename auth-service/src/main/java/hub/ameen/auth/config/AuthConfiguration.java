package hub.ameen.auth.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling, for key rotation and the clean-ups of spent tokens and old login failures.
 * (The {@link java.time.Clock} every feature reads comes from platform-events.)
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuthConfiguration {

}
