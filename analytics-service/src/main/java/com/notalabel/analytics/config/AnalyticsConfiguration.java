package com.notalabel.analytics.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.notalabel.analytics.plays.PlayProperties;
import com.notalabel.analytics.report.ImportProperties;
import com.notalabel.analytics.store.StoreServers;

import javax.sql.DataSource;

/**
 * The service's settings and its plain-SQL access: analytics is mostly set-based SQL over
 * roll-ups, which Spring Data repositories would only wrap.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ImportProperties.class, PlayProperties.class, StoreServers.class })
@EnableScheduling
class AnalyticsConfiguration {

	@Bean
	JdbcClient jdbcClient(DataSource dataSource) {
		return JdbcClient.create(dataSource);
	}

}
