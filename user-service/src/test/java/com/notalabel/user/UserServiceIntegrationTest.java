package com.notalabel.user;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.notalabel.test.infra.RealInfrastructure;

/**
 * The whole service on a real port against real PostgreSQL and Redis. The same
 * configuration as {@link UserServiceApplicationIntegrationTests}' contract, so that
 * every class using it shares that one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RealInfrastructure
public @interface UserServiceIntegrationTest {

}
