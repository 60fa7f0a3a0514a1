package com.notalabel.music.artwork;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code nal.artwork.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArtworkProperties.class)
class ArtworkConfiguration {

}
