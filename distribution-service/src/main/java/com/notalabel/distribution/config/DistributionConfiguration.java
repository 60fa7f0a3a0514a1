package com.notalabel.distribution.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.notalabel.distribution.platform.DistributionProperties;

/**
 * The stores as configuration, and the schedules that deliver to them and read their
 * answers.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DistributionProperties.class)
@EnableScheduling
class DistributionConfiguration {

}
