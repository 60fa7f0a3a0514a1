package com.notalabel.ai.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import com.notalabel.ai.provider.AiSettings;

/**
 * The service's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AiSettings.class)
class AiConfiguration {

}
