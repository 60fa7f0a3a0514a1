package com.notalabel.gateway.docs;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsRoutesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void makesTheGatewayTheDocumentsOnlyServer() {
		byte[] document = "{\"openapi\":\"3.1.0\",\"servers\":[{\"url\":\"http://10.0.0.7:3003\"}],\"paths\":{}}"
			.getBytes(StandardCharsets.UTF_8);

		String rewritten = new String(ApiDocsRoutes.throughTheGateway(this.json, document), StandardCharsets.UTF_8);

		assertThat(rewritten).contains("\"servers\":[{").contains("\"url\":\"/\"").doesNotContain("10.0.0.7");
		assertThat(rewritten).contains("\"openapi\":\"3.1.0\"");
	}

	@Test
	void passesOnWhatIsNotAJsonObject() {
		byte[] body = "Service Unavailable".getBytes(StandardCharsets.UTF_8);

		assertThat(ApiDocsRoutes.throughTheGateway(this.json, body)).isSameAs(body);
	}

}
