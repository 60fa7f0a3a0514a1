package com.notalabel.test.infra;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.annotation.DeterminableImports;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the configuration that suits the JVM's {@link InfrastructureMode}.
 *
 * <p>
 * Being {@link DeterminableImports} lets Spring Boot key cached test contexts on what is
 * imported rather than on every annotation of the test class, so more test classes share
 * a context.
 */
abstract class InfrastructureImportSelector implements ImportSelector, DeterminableImports {

	private final boolean postgres;

	private final boolean redis;

	InfrastructureImportSelector(boolean postgres, boolean redis) {
		this.postgres = postgres;
		this.redis = redis;
	}

	@Override
	public String[] selectImports(AnnotationMetadata importingClassMetadata) {
		return imports().toArray(String[]::new);
	}

	@Override
	public Set<Object> determineImports(AnnotationMetadata metadata) {
		return Set.copyOf(imports());
	}

	private Set<String> imports() {
		InfrastructureMode mode = TestInfrastructure.mode();
		Set<String> imports = new LinkedHashSet<>();
		if (this.postgres) {
			imports.add(switch (mode) {
				case DOCKER -> DockerPostgresConfiguration.class.getName();
				case LOCAL -> LocalPostgresRegistrar.class.getName();
			});
		}
		if (this.redis) {
			imports.add(switch (mode) {
				case DOCKER -> DockerRedisConfiguration.class.getName();
				case LOCAL -> LocalRedisConfiguration.class.getName();
			});
			imports.add(RedisKeyPrefixConfiguration.class.getName());
		}
		return imports;
	}

	static final class PostgresAndRedis extends InfrastructureImportSelector {

		PostgresAndRedis() {
			super(true, true);
		}

	}

	static final class PostgresOnly extends InfrastructureImportSelector {

		PostgresOnly() {
			super(true, false);
		}

	}

	static final class RedisOnly extends InfrastructureImportSelector {

		RedisOnly() {
			super(false, true);
		}

	}

}
