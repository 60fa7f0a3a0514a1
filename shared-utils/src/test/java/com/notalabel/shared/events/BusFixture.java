package com.notalabel.shared.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.redis.RedisClientDefaults;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.test.infra.TestInfrastructure;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.UserId;

/**
 * One simulated service around the bus, in its own schema and under its own Redis key
 * prefix: user-service publishing {@link UserRegistered}, and a consumer group whose
 * handler records an effect row per handling (without a unique constraint, so a duplicate
 * effect would show).
 */
final class BusFixture implements AutoCloseable {

	static final String GROUP = "effects-service";

	final String schema;

	final DataSource dataSource;

	final JdbcClient jdbc;

	final TransactionTemplate transactions;

	final LettuceConnectionFactory connectionFactory;

	private final ClientResources clientResources;

	final StringRedisTemplate redis;

	final RedisKeys keys;

	final EventStore store;

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	final Map<UserId, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private final List<AutoCloseable> toClose = new ArrayList<>();

	private volatile Consumer<UserRegistered> beforeEffect = (event) -> {
	};

	BusFixture(String redisHost, int redisPort) {
		this.schema = TestInfrastructure.newSchema("bus");
		this.dataSource = TestInfrastructure.dataSource(this.schema);
		new EventStoreMigration(this.dataSource, this.schema, true).migrate();
		this.jdbc = JdbcClient.create(this.dataSource);
		this.jdbc
			.sql("create table " + this.schema
					+ ".effect (user_id uuid not null, handled_at timestamptz not null default now())")
			.update();
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		this.clientResources = DefaultClientResources.builder()
			.reconnectDelay(RedisClientDefaults.reconnectDelay())
			.build();
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.clientOptions(RedisClientDefaults.applyTo(ClientOptions.builder()).build())
			.clientResources(this.clientResources)
			.commandTimeout(Duration.ofSeconds(5))
			.build();
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(redisHost, redisPort),
				client);
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.redis = new StringRedisTemplate(this.connectionFactory);
		this.keys = new RedisKeys(TestInfrastructure.redis().keyPrefix() + this.schema + ":");
		this.store = new EventStore(this.jdbc, this.schema);
	}

	static BusFixture onRunRedis() {
		return new BusFixture(TestInfrastructure.redis().host(), TestInfrastructure.redis().port());
	}

	EventPublisher publisher(Runnable afterCommit) {
		return new OutboxEventPublisher("user-service", this.store, EventCodec.standard(), Clock.systemUTC(),
				afterCommit);
	}

	OutboxRelay relay() {
		OutboxRelay relay = new OutboxRelay(this.store, this.transactions, this.redis, this.keys,
				new EventBusProperties.Relay(true, Duration.ofMillis(50), 500, 1_000_000), this.meters);
		this.toClose.add(relay::stop);
		return relay;
	}

	EventConsumer consumer(String name, int maxDeliveries) {
		return consumer(name, maxDeliveries, UnaryOperator.identity());
	}

	/**
	 * A consumer whose acknowledgements pass through {@code acknowledgements}, which may
	 * hold them back as a process would that dies between a commit and its XACK.
	 */
	EventConsumer consumer(String name, int maxDeliveries, UnaryOperator<Acknowledger> acknowledgements) {
		EventConsumer consumer = new EventConsumer(GROUP, name, subscriptions(), EventCodec.standard(), this.store,
				this.transactions, this.redis, this.keys, consumerSettings(maxDeliveries), this.meters,
				acknowledgements.apply(Acknowledger.xack(this.redis, GROUP)));
		this.toClose.add(consumer::stop);
		return consumer;
	}

	/**
	 * The dispatcher a consumer named {@code name} hands its entries to, on its own, for
	 * tests that choose what a batch holds.
	 */
	EventDispatcher dispatcher(String name, Acknowledger acknowledger) {
		return new EventDispatcher(GROUP, subscriptions(), EventCodec.standard(), this.store, this.transactions,
				new DeadLetters(this.redis, this.keys, GROUP, name, this.meters), acknowledger, this.meters);
	}

	private EventSubscriptions subscriptions() {
		return EventSubscriptions.builder().on(UserRegistered.class, this::recordEffect).build();
	}

	static EventBusProperties.Consumer consumerSettings(int maxDeliveries) {
		return new EventBusProperties.Consumer(true, "", 100, Duration.ofMillis(200), Duration.ofMillis(50),
				Duration.ofMillis(500), Duration.ofMillis(50), Duration.ofMillis(400), maxDeliveries,
				Duration.ofDays(1), Duration.ofMillis(200));
	}

	void beforeEffect(Consumer<UserRegistered> hook) {
		this.beforeEffect = hook;
	}

	private void recordEffect(UserRegistered event) {
		this.attempts.computeIfAbsent(event.userId(), (id) -> new AtomicInteger()).incrementAndGet();
		this.beforeEffect.accept(event);
		this.jdbc.sql("insert into " + this.schema + ".effect (user_id) values (?)")
			.param(event.userId().value())
			.update();
	}

	static UserRegistered registration(int n) {
		return new UserRegistered(UserId.newId(), "artist" + n + "@example.com", "Artist " + n, Instant.now());
	}

	List<UserRegistered> publishCommitted(EventPublisher publisher, int count, int perTransaction) {
		List<UserRegistered> events = new ArrayList<>();
		for (int start = 0; start < count; start += perTransaction) {
			int end = Math.min(count, start + perTransaction);
			int first = start;
			this.transactions.executeWithoutResult((status) -> {
				for (int n = first; n < end; n++) {
					UserRegistered event = registration(n);
					publisher.publish(event);
					events.add(event);
				}
			});
		}
		return events;
	}

	String stream() {
		return this.keys.eventStream("user-service");
	}

	long streamLength() {
		Long size = this.redis.opsForStream().size(stream());
		return (size != null) ? size : 0;
	}

	long outboxSize() {
		return this.jdbc.sql("select count(*) from " + this.schema + ".event_outbox").query(Long.class).single();
	}

	long effects() {
		return this.jdbc.sql("select count(*) from " + this.schema + ".effect").query(Long.class).single();
	}

	long distinctEffects() {
		return this.jdbc.sql("select count(distinct user_id) from " + this.schema + ".effect")
			.query(Long.class)
			.single();
	}

	long processed() {
		return this.jdbc.sql("select count(*) from " + this.schema + ".processed_event").query(Long.class).single();
	}

	long pending() {
		return this.redis.opsForStream().pending(stream(), GROUP).getTotalPendingMessages();
	}

	List<String> consumers() {
		return this.redis.opsForStream()
			.consumers(stream(), GROUP)
			.stream()
			.map((consumer) -> consumer.consumerName())
			.toList();
	}

	long deadLetters() {
		Long size = this.redis.opsForStream().size(this.keys.deadLetterStream(GROUP));
		return (size != null) ? size : 0;
	}

	@Override
	public void close() {
		for (AutoCloseable closeable : this.toClose.reversed()) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Closing a stopped component twice is harmless.
			}
		}
		this.connectionFactory.destroy();
		this.clientResources.shutdown();
		// Each fixture has a schema and a pool of its own, used by no one after it.
		if (this.dataSource instanceof AutoCloseable pool) {
			try {
				pool.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

}
