package com.notalabel.music.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

import com.notalabel.music.processing.ProcessingProperties;

/**
 * The processing workers' settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessingProperties.class)
class ProcessingConfiguration {

}
