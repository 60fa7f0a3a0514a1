package com.notalabel.music.upload;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.notalabel.shared.web.ProblemResponseWriter;

/**
 * Binds {@code nal.upload.*}, and renders the problem of an upload whose body the
 * container could not read on its error page.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class UploadConfiguration {

	@Bean
	FilterRegistrationBean<UploadBodyProblems> uploadBodyProblems(ProblemResponseWriter writer) {
		FilterRegistrationBean<UploadBodyProblems> registration = new FilterRegistrationBean<>(
				new UploadBodyProblems(writer));
		registration.setDispatcherTypes(DispatcherType.ERROR);
		// Ahead of security: the request was authenticated when it arrived.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
