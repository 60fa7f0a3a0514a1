package com.notalabel.notification.testing;

import java.net.URI;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.notalabel.notification.NotificationServiceApplication;
import com.notalabel.test.infra.AtExit;
import com.notalabel.test.security.TestKeySet;

/**
 * A second instance of the service, on its own port, against the same PostgreSQL, Redis
 * (and key prefix) as the test context: what a browser sees when its reconnect lands on
 * another instance. It consumes no events, so that every write happens on the first.
 */
public final class SecondInstance {

	private static ConfigurableApplicationContext context;

	private SecondInstance() {
	}

	public static synchronized URI base(ConfigurableApplicationContext first) {
		if (context == null) {
			JdbcConnectionDetails jdbc = first.getBean(JdbcConnectionDetails.class);
			DataRedisConnectionDetails redis = first.getBean(DataRedisConnectionDetails.class);
			context = new SpringApplicationBuilder(NotificationServiceApplication.class)
				.initializers((ConfigurableApplicationContext second) -> {
					second.getBeanFactory().registerSingleton("nalTestJdbcConnectionDetails", jdbc);
					second.getBeanFactory().registerSingleton("nalTestRedisConnectionDetails", redis);
				})
				// Arguments, which outrank the application.yml that the properties of the builder do not.
				.run("--server.port=0",
						"--nal.redis.key-prefix=" + first.getEnvironment().getProperty("nal.redis.key-prefix", ""),
						"--nal.security.jwks-uri=" + TestKeySet.shared().uri(), "--nal.events.consumer.enabled=false",
						"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMailServer.port());
			ConfigurableApplicationContext started = context;
			AtExit.run(started::close);
		}
		return URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
	}

}
