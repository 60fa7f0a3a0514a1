package com.notalabel.shared.events;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.InitializingBean;

/**
 * Creates and evolves the bus's tables in the service's schema. The tables have their own
 * Flyway history so that the bus can change without touching any service's migration
 * numbering.
 */
class EventStoreMigration implements InitializingBean {

	static final String HISTORY_TABLE = "nal_events_schema_history";

	private final DataSource dataSource;

	private final String schema;

	private final boolean enabled;

	/**
	 * @param dataSource the service's database
	 * @param schema the service's schema
	 * @param enabled whether to migrate at start-up: off with the service's own Flyway
	 * ({@code spring.flyway.enabled=false}), as in an image's AOT training run that has
	 * no database to reach
	 */
	EventStoreMigration(DataSource dataSource, String schema, boolean enabled) {
		this.dataSource = dataSource;
		this.schema = schema;
		this.enabled = enabled;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.enabled) {
			migrate();
		}
	}

	void migrate() {
		Flyway.configure()
			.dataSource(this.dataSource)
			.schemas(this.schema)
			.defaultSchema(this.schema)
			.table(HISTORY_TABLE)
			.locations("classpath:db/nal-events")
			// The service's own tables may already be there; the bus's history starts empty.
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

}
