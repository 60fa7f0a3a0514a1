package com.notalabel.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Connects a Spring test's context to the run's Redis only, for the gateway and other
 * applications without a database: no PostgreSQL work happens for them. The context also
 * gets the property {@code nal.redis.key-prefix}.
 *
 * @see RealInfrastructure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(InfrastructureImportSelector.RedisOnly.class)
public @interface RealRedis {

}
