package hub.ameen.crm;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import hub.ameen.crm.activity.ActivityConfiguration;
import hub.ameen.crm.attachment.AttachmentConfiguration;
import hub.ameen.crm.company.CompanyConfiguration;
import hub.ameen.crm.contact.ContactConfiguration;
import hub.ameen.crm.deal.DealConfiguration;
import hub.ameen.crm.importing.ImportConfiguration;
import hub.ameen.crm.merge.ContactMerge;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.files.FilesAutoConfiguration;
import hub.ameen.platform.security.PlatformSecurityAutoConfiguration;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every CRM controller over a real store, without a broker (the outbox fills; no relay
 * runs, and no token revocations are read). A test class using it points
 * {@code hub.store.path} at its own temporary directory.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebFluxTest(properties = TestTokens.WITHOUT_REVOCATIONS)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class, FilesAutoConfiguration.class })
@Import({ CompanyConfiguration.class, ContactConfiguration.class, DealConfiguration.class, ActivityConfiguration.class,
		ContactMerge.class, ImportConfiguration.class, AttachmentConfiguration.class, CrmWebSlice.Outboxed.class })
@UsesTestTokens
public @interface CrmWebSlice {

	/** The outbox and clock the events auto-configuration would give. */
	@TestConfiguration(proxyBeanMethods = false)
	class Outboxed {

		@Bean
		Outbox outbox(Store store) {
			return new Outbox(store);
		}

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		/** The registry the actuator would give, for the services' own meters. */
		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
