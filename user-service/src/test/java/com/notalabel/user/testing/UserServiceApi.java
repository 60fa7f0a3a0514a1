package com.notalabel.user.testing;

import javax.sql.DataSource;

import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.test.events.PublishedEvents;
import com.notalabel.test.http.TestHttp;
import com.notalabel.types.redis.RedisKeys;

/**
 * What a test of the running service works with: HTTP to it, people who use it, the
 * events it published and its tables. A bean of the shared test context, so that test
 * classes take it as one constructor argument.
 */
@Component
public class UserServiceApi {

	private final Environment environment;

	private final PublishedEvents events;

	private final JdbcClient jdbc;

	private volatile TestHttp http;

	UserServiceApi(Environment environment, StringRedisTemplate redis, RedisKeys keys, DataSource dataSource) {
		this.environment = environment;
		this.events = new PublishedEvents(redis, keys, "user-service");
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * @return a client of the service's port, known once the server has started; each
	 * request comes from an address of its own unless it names one
	 */
	public TestHttp http() {
		TestHttp client = this.http;
		if (client == null) {
			client = TestHttp.on(this.environment.getRequiredProperty("local.server.port", Integer.class))
				.withDefaults((request) -> request.header(ClientAddresses.HEADER, ClientAddresses.next())
					.header("User-Agent", "UserServiceTests/1.0"));
			this.http = client;
		}
		return client;
	}

	public People people() {
		return new People(http());
	}

	public PublishedEvents events() {
		return this.events;
	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

}
