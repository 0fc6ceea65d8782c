package hub.ameen.notification;

import hub.ameen.platform.test.web.ApiDocsCoverage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the service is in its OpenAPI document, with its permissions. */
class ApiDocsTests extends ServiceTestSupport {

	@Autowired
	ApplicationContext context;

	@Test
	void everyEndpointIsInTheOpenApiDocumentWithItsPermissions() {
		assertThat(ApiDocsCoverage.gaps(this.context, this.web)).isEmpty();
	}

}
