package com.notalabel.test.infra;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.container.ContainerImageMetadata;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Connects the context's auto-configured DataSource to the run's database on the local
 * server. The database is created when the connection details are first needed.
 */
class LocalPostgresRegistrar implements ImportBeanDefinitionRegistrar {

	static final String BEAN_NAME = "nalTestJdbcConnectionDetails";

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(BEAN_NAME)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(JdbcConnectionDetails.class,
				() -> new RunDatabaseConnectionDetails(TestInfrastructure.postgres()));
		definition.setLazyInit(true);
		// @AutoConfigureTestDatabase (on @DataJpaTest and @JdbcTest) swaps in an embedded
		// database unless the connection details carry this mark, as container ones do.
		new ContainerImageMetadata("postgres").addTo(definition);
		registry.registerBeanDefinition(BEAN_NAME, definition);
	}

	record RunDatabaseConnectionDetails(PostgresServer server) implements JdbcConnectionDetails {

		@Override
		public String getJdbcUrl() {
			return this.server.jdbcUrl();
		}

		@Override
		public String getUsername() {
			return this.server.username();
		}

		@Override
		public String getPassword() {
			return this.server.password();
		}

	}

}
