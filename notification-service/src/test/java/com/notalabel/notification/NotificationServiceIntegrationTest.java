package com.notalabel.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

import com.notalabel.notification.testing.TestKeys;
import com.notalabel.notification.testing.TestMailServer;
import com.notalabel.test.infra.RealInfrastructure;

/**
 * The whole service on a real port against real PostgreSQL and Redis, sending to the test
 * SMTP server. {@link NotificationServiceApplicationIntegrationTests}' contract carries
 * it too, so that every integration test shares that one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
@ContextConfiguration(initializers = { TestMailServer.Initializer.class, TestKeys.class })
public @interface NotificationServiceIntegrationTest {

}
