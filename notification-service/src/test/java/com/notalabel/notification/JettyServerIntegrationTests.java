package com.notalabel.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jetty.JettyWebServer;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service runs on Jetty (ADR 49) with what 10,000 open live streams need, and Jetty's
 * own refusals reach a client as problem+json like every other service's.
 */
@NotificationServiceIntegrationTest
class JettyServerIntegrationTests {

	@Autowired
	WebServerApplicationContext context;

	@LocalServerPort
	int port;

	Server server() {
		assertThat(this.context.getWebServer()).isInstanceOf(JettyWebServer.class);
		return ((JettyWebServer) this.context.getWebServer()).getServer();
	}

	@Test
	void holdsTwentyThousandConnectionsAndQueuesTheRest() {
		Server server = server();

		assertThat(server.getBean(NetworkConnectionLimit.class).getMaxNetworkConnectionCount()).isEqualTo(20_000);
		assertThat(server.getConnectors()).singleElement()
			.isInstanceOfSatisfying(ServerConnector.class,
					(connector) -> assertThat(connector.getAcceptQueueSize()).isEqualTo(1024));
	}

	@Test
	void keepsEachOpenStreamsOutputBufferSmall() {
		assertThat(server().getConnectors()[0].getConnectionFactories())
			.filteredOn(HttpConfiguration.ConnectionFactory.class::isInstance)
			.isNotEmpty()
			.allSatisfy((factory) -> assertThat(
					((HttpConfiguration.ConnectionFactory) factory).getHttpConfiguration().getOutputBufferSize())
				.isEqualTo(4096));
	}

	@Test
	void answersAPathJettyCannotDecodeWithAProblem() throws IOException {
		String response = send("GET /api/v1/notifications/%ff HTTP/1.1\r\nHost: localhost\r\n"
				+ "X-Request-Id: jetty-test-0001\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400 ")
			.containsIgnoringCase("Content-Type: application/problem+json")
			.contains("\"code\":\"request.malformed\"", "\"requestId\":\"jetty-test-0001\"")
			.doesNotContain("<html", "Jetty", "eclipse");
	}

	String send(String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
