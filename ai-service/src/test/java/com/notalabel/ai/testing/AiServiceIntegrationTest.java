package com.notalabel.ai.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

import com.notalabel.test.infra.RealInfrastructure;

/**
 * The whole service on a real port against real PostgreSQL and Redis, with OpenAI's API
 * replaced at the HTTP level by WireMock. Every test class that uses it shares this one
 * context: add nothing to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = AiTestEnvironment.class)
@RealInfrastructure
public @interface AiServiceIntegrationTest {

}
