package com.notalabel.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Connects a Spring test's context to the run's PostgreSQL database and Redis (see
 * {@link TestInfrastructure}), on {@code @SpringBootTest} and on slices alike.
 *
 * <p>
 * The context gets {@code JdbcConnectionDetails} and {@code DataRedisConnectionDetails}
 * that win over any {@code spring.datasource.*} or {@code spring.data.redis.*} settings,
 * and the property {@code nal.redis.key-prefix}. A slice's
 * {@code @AutoConfigureTestDatabase} keeps the run database rather than swapping in an
 * embedded one. Contexts share the servers, so the test-context cache may hold many.
 *
 * @see RealPostgres
 * @see RealRedis
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(InfrastructureImportSelector.PostgresAndRedis.class)
public @interface RealInfrastructure {

}
