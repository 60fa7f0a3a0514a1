package com.notalabel.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

import com.notalabel.test.infra.RealInfrastructure;
import com.notalabel.user.testing.UserTestEnvironment;

/**
 * The whole service on a real port against real PostgreSQL, Redis and S3. The same
 * configuration as {@link UserServiceApplicationIntegrationTests}' contract, so that
 * every class using it shares that one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = UserTestEnvironment.class)
@RealInfrastructure
public @interface UserServiceIntegrationTest {

}
