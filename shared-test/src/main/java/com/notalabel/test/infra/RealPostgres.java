package com.notalabel.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Connects a Spring test's context to the run's PostgreSQL database only, for
 * {@code @DataJpaTest} and other tests that never touch Redis: in Docker mode no Redis
 * container starts for them.
 *
 * @see RealInfrastructure
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(InfrastructureImportSelector.PostgresOnly.class)
public @interface RealPostgres {

}
