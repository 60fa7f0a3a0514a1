package com.notalabel.shared.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.event.EventCodec;

/**
 * The event bus of ARCHITECTURE.md §5 for a service that owns a schema
 * ({@code nal.schema}): an {@link EventPublisher} writing to the outbox, the relay to the
 * service's stream, and, when the service declares {@link EventSubscriptions}, the
 * consumer.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
		"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
		"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"com.notalabel.shared.redis.RedisDefaultsAutoConfiguration" })
@ConditionalOnProperty("nal.schema")
@ConditionalOnBooleanProperty(name = "nal.events.enabled", matchIfMissing = true)
@ConditionalOnBean({ DataSource.class, StringRedisTemplate.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(EventBusProperties.class)
public final class EventBusAutoConfiguration {

	@Bean
	EventStoreMigration eventStoreMigration(DataSource dataSource, Environment environment) {
		return new EventStoreMigration(dataSource, environment.getRequiredProperty("nal.schema"),
				environment.getProperty("spring.flyway.enabled", Boolean.class, true));
	}

	@Bean
	EventStore eventStore(DataSource dataSource, Environment environment, EventStoreMigration migration) {
		return new EventStore(JdbcClient.create(dataSource), environment.getRequiredProperty("nal.schema"));
	}

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return EventCodec.standard();
	}

	@Bean
	OutboxRelay outboxRelay(EventStore store, PlatformTransactionManager transactionManager, StringRedisTemplate redis,
			RedisKeys keys, EventBusProperties properties, ObjectProvider<MeterRegistry> meters) {
		OutboxRelay relay = new OutboxRelay(store, new TransactionTemplate(transactionManager), redis, keys,
				properties.relay(), meters.getIfAvailable(SimpleMeterRegistry::new));
		return relay;
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(Environment environment, EventStore store, EventCodec codec,
			ObjectProvider<Clock> clock, OutboxRelay relay, EventBusProperties properties) {
		Runnable wakeUp = properties.relay().enabled() ? relay::wakeUp : () -> {
		};
		return new OutboxEventPublisher(environment.getRequiredProperty("spring.application.name"), store, codec,
				clock.getIfAvailable(Clock::systemUTC), wakeUp);
	}

	@Bean
	@ConditionalOnBean(EventSubscriptions.class)
	@ConditionalOnProperty(name = "nal.events.consumer.enabled", matchIfMissing = true)
	EventConsumer eventConsumer(Environment environment, EventSubscriptions subscriptions, EventCodec codec,
			EventStore store, PlatformTransactionManager transactionManager, StringRedisTemplate redis, RedisKeys keys,
			EventBusProperties properties, ObjectProvider<MeterRegistry> meters) {
		String group = environment.getRequiredProperty("spring.application.name");
		String name = properties.consumer().name().isBlank() ? defaultConsumerName() : properties.consumer().name();
		return new EventConsumer(group, name, subscriptions, codec, store, new TransactionTemplate(transactionManager),
				redis, keys, properties.consumer(), meters.getIfAvailable(SimpleMeterRegistry::new),
				Acknowledger.xack(redis, group));
	}

	/**
	 * Host name and process id: a container restarted in place keeps both (pid 1), so it
	 * picks up the entries it held before without waiting for them to go stale.
	 */
	static String defaultConsumerName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
	}

}
