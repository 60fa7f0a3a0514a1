package com.notalabel.shared.broadcast;

import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.support.TaskExecutorAdapter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

import com.notalabel.types.redis.RedisKeys;
import com.notalabel.shared.redis.RedisDefaultsAutoConfiguration;

@AutoConfiguration(after = RedisDefaultsAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@ConditionalOnBean(StringRedisTemplate.class)
public final class BroadcastAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RedisMessageListenerContainer redisMessageListenerContainer(RedisConnectionFactory connectionFactory) {
		RedisMessageListenerContainer container = new RedisMessageListenerContainer();
		container.setConnectionFactory(connectionFactory);
		// The subscription is a task that lasts as long as the container: a thread of its own.
		SimpleAsyncTaskExecutor subscriptions = new SimpleAsyncTaskExecutor("nal-broadcast-subscription-");
		subscriptions.setVirtualThreads(true);
		container.setSubscriptionExecutor(subscriptions);
		// Messages are handed to listeners one after another, in the order Redis delivered them.
		// A thread per message let two live notifications of one person overtake each other, and
		// the stream, which never sends a sequence number below the last it sent, dropped the
		// overtaken one. Listeners only hand messages on (to open streams' buffers, to a cache).
		container.setTaskExecutor(new TaskExecutorAdapter(
				Executors.newSingleThreadExecutor(Thread.ofVirtual().name("nal-broadcast").factory())));
		return container;
	}

	@Bean
	@ConditionalOnMissingBean
	Broadcaster broadcaster(StringRedisTemplate redis, RedisMessageListenerContainer listeners, RedisKeys keys,
			ObjectProvider<JsonMapper> mapper) {
		return new Broadcaster(redis, listeners, keys, mapper.getIfAvailable(JsonMapper::new));
	}

}
