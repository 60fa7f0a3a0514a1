package com.notalabel.shared.web;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;
import com.notalabel.test.http.Response;

import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same hostile input on Jetty, the container notification-service runs on (ADR 49),
 * with Tomcat's jars off the class path (shared-utils' pom runs this class in a failsafe
 * execution of its own).
 */
@SharedUtilsIntegrationTest
class JettyHostileInputIntegrationTests extends HostileInputIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	/** Jetty names what was too large: the headers (431) or the request line (414). */
	@Override
	void assertHeadOverTheLimitRefused(Response headers, Response uri) {
		assertProblem(headers, 431, "request.headers_too_large");
		assertProblem(uri, 414, "request.uri_too_long");
	}

	/**
	 * Jetty's multipart parser refuses a NUL in a file name as malformed on some requests
	 * and lets it through on others (seen from run to run with the same bytes); what it
	 * lets through the web defaults refuse as invalid before the handler runs. Either way
	 * a 400 problem, never the upload.
	 */
	@Override
	void assertNulInAFileNameRefused(Response plain, Response encoded) {
		for (Response response : new Response[] { plain, encoded }) {
			assertThat(response.status()).as(response.toString()).isEqualTo(400);
			String code = response.json().path("code").asString();
			assertThat(code).isIn("request.invalid", "request.malformed");
			assertProblem(response, 400, code);
		}
	}

	@Test
	void answersWhatJettyRefusesWithoutNamingJetty() {
		Response path = this.raw.send("GET /probe/items/%ff HTTP/1.1", authorization());
		Response line = this.raw.send("GET /pro be HTTP/1.1", "");
		Response version = this.raw.send("GET /public/hello HTTP/3.0", "");

		assertThat(path.body() + line.body() + version.body()).doesNotContain("<html", "Jetty", "jetty", "eclipse",
				"BadMessage", "HTTP ERROR");
	}

	@Test
	void runsOnJettyWithTheServicesListenBacklog() {
		assertThat(this.context.getWebServer()).isInstanceOf(JettyWebServer.class);
		Connector[] connectors = ((JettyWebServer) this.context.getWebServer()).getServer().getConnectors();

		assertThat(connectors).singleElement()
			.isInstanceOfSatisfying(ServerConnector.class, (connector) -> assertThat(connector.getAcceptQueueSize())
				.isEqualTo(WebDefaultsAutoConfiguration.DEFAULT_LISTEN_BACKLOG));
	}

}
