package com.notalabel.music.config;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Spring's {@code @Retryable}: a transaction that lost a race to a concurrent commit is
 * run again, in a new transaction (the retry wraps the transaction, not the other way
 * round).
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class ResilienceConfiguration {

}
