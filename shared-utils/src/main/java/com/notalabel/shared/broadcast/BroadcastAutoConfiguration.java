package com.notalabel.shared.broadcast;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("nal-broadcast-");
		executor.setVirtualThreads(true);
		container.setTaskExecutor(executor);
		return container;
	}

	@Bean
	@ConditionalOnMissingBean
	Broadcaster broadcaster(StringRedisTemplate redis, RedisMessageListenerContainer listeners, RedisKeys keys,
			ObjectProvider<JsonMapper> mapper) {
		return new Broadcaster(redis, listeners, keys, mapper.getIfAvailable(JsonMapper::new));
	}

}
