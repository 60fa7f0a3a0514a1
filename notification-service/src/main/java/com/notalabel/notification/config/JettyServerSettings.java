package com.notalabel.notification.config;

import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Jetty needs to hold 10,000 open live streams (ADR 49) that Boot has no property
 * for.
 */
@Configuration(proxyBeanMethods = false)
class JettyServerSettings {

	/**
	 * A response's output buffer, which Jetty keeps for as long as the response is open:
	 * for a live stream, its whole life. Jetty's 32 KB took the JVM's whole direct memory
	 * (by default as large as the heap) at 8,192 open streams on a 256 MB heap, and Jetty
	 * stopped answering. A stream's events are well under a kilobyte, and larger
	 * responses (a page of the inbox) are written in several pieces.
	 */
	static final int OUTPUT_BUFFER_SIZE = 4 * 1024;

	@Bean
	JettyServerCustomizer smallOutputBuffers() {
		return (server) -> {
			for (Connector connector : server.getConnectors()) {
				for (ConnectionFactory factory : connector.getConnectionFactories()) {
					if (factory instanceof HttpConfiguration.ConnectionFactory http) {
						http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER_SIZE);
					}
				}
			}
		};
	}

}
